import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marionette } from './marionette.ts';

// Starts a Firefox (ESR 140+; $WHY403_FIREFOX, else /usr/bin/firefox-esr) headless with
// Marionette on a fresh profile. No geckodriver: the test speaks Marionette itself.

export const FIREFOX = process.env.WHY403_FIREFOX || '/usr/bin/firefox-esr';

// Quiet, prompt-free, offline-except-127.0.0.1 profile. Values as in geckodriver's and
// mozprofile's recommended test prefs; why each group is here is said above it.
const PREFS: Record<string, string | number | boolean> = {
  // Marionette on a free port; Firefox writes the one it took to <profile>/MarionetteActivePort.
  'marionette.port': 0,
  // DevTools opens without the "first time" notices, and chrome-context scripts may reach it.
  'devtools.chrome.enabled': true,
  'devtools.everOpened': true,
  'devtools.toolbox.host': 'bottom',
  // A tall toolbox: the panel's list is virtualised, and tests read the rows it renders.
  'devtools.toolbox.footer.height': 1900,
  'devtools.netmonitor.persistlog': false,
  // Temporary add-ons install unsigned anyway; a normal install of the built zip needs this on ESR.
  'xpinstall.signatures.required': false,
  'extensions.autoDisableScopes': 0,
  'extensions.enabledScopes': 5,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.installDistroAddons': false,
  // No updates, telemetry, studies or background traffic that would land in the captured log.
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.telemetry.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.newtabpage.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.search.update': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.suggest.searches': false,
  'media.gmp-manager.updateEnabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'remote.prefs.recommended': true,
  'dom.disable_open_during_load': false,
  'browser.tabs.warnOnClose': false,
  'toolkit.startup.max_resumed_crashes': -1,
};

function userJs(): string {
  return Object.entries(PREFS)
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
}

export interface FirefoxProcess {
  client: Marionette;
  profile: string;
  version: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFirefox(binary = FIREFOX): Promise<FirefoxProcess> {
  if (!existsSync(binary)) throw new Error(`No Firefox at ${binary} (set WHY403_FIREFOX)`);
  const profile = await mkdtemp(join(tmpdir(), 'why403-firefox-'));
  await writeFile(join(profile, 'user.js'), userJs());
  const child = spawn(
    binary,
    ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile, 'about:blank'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS: '1' } },
  );
  let log = '';
  const keep = (b: Buffer) => {
    log = (log + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    client?.close();
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  let client: Marionette | undefined;
  try {
    const deadline = Date.now() + 30_000;
    let port = 0;
    while (!port) {
      if (child.exitCode !== null) throw new Error(`Firefox exited (${child.exitCode}):\n${log}`);
      if (Date.now() > deadline) throw new Error(`Marionette did not start in 30 s:\n${log}`);
      port = Number(await readFile(join(profile, 'MarionetteActivePort'), 'utf8').catch(() => '0'));
      if (!port) await sleep(100);
    }
    client = await Marionette.connect(port);
    const session = await client.send<{ capabilities: { browserVersion: string } }>('WebDriver:NewSession', {
      capabilities: { alwaysMatch: { acceptInsecureCerts: false } },
    });
    return { client, profile, version: session.capabilities.browserVersion, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
