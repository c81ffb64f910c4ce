#!/usr/bin/env node
// Runs an end-to-end command once the browsers it needs are on the machine, so that `npm install`
// then `npm test` works on a fresh clone with no other step:
//
//   node scripts/browsers.mjs chromium --optional chromium-150 -- playwright test
//
// The same for the programs the unit suite's export tests run (curl, dash, zsh, HTTPie):
//
//   node scripts/browsers.mjs --optional curl dash zsh httpie -- vitest run
//
// For each browser named: use it when present; otherwise install it where this machine allows
// (root with apt-get: Debian's package for a current browser, scripts/old-browsers.sh for a
// previous one); otherwise skip what needs it with ONE line saying what was not run and how to
// run it. Under CI=true (or WHY403_REQUIRE_BROWSERS=1) a missing browser fails instead: CI must
// never pass by skipping. WHY403_NO_INSTALL=1 forbids installing (to see the skip as root).
//
// A browser before `--optional` is needed by the whole command (missing: the command is skipped);
// one after it is a part the command can leave out (missing: the command runs without it, told
// through the browser's `skip` variable). The command gets each browser's path in its variable.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** scripts/old-browsers.sh is the one place that knows the previous versions and their paths. */
function oldBrowserPaths() {
  const r = spawnSync('bash', [join(root, 'scripts', 'old-browsers.sh'), '--print'], { encoding: 'utf8' });
  return Object.fromEntries(
    r.stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

const OLD_BROWSERS = 'bash scripts/old-browsers.sh';
const old = oldBrowserPaths();
const BROWSERS = {
  chromium: {
    what: 'the end-to-end suite in Chromium (test/e2e)',
    env: 'WHY403_CHROMIUM',
    path: process.env.WHY403_CHROMIUM || '/usr/bin/chromium',
    apt: 'chromium',
    howTo: 'apt-get install chromium (as root), or set WHY403_CHROMIUM to a Chromium binary',
  },
  'chromium-150': {
    what: 'the end-to-end subset in the previous Chromium (project chromium-previous)',
    env: 'WHY403_CHROMIUM_PREVIOUS',
    skip: 'WHY403_SKIP_PREVIOUS',
    path: process.env.WHY403_CHROMIUM_PREVIOUS || old.WHY403_CHROMIUM_150,
    script: OLD_BROWSERS,
    howTo: `${OLD_BROWSERS} (as root), or set WHY403_CHROMIUM_PREVIOUS`,
  },
  'firefox-esr': {
    what: 'the Firefox end-to-end suite (test/firefox)',
    env: 'WHY403_FIREFOX',
    path: process.env.WHY403_FIREFOX || '/usr/bin/firefox-esr',
    apt: 'firefox-esr',
    howTo: 'apt-get install firefox-esr (as root), or set WHY403_FIREFOX to a Firefox binary',
  },
  'firefox-esr-140': {
    what: 'the Firefox end-to-end suite in Firefox ESR 140 (test/firefox)',
    env: 'WHY403_FIREFOX',
    path: process.env.WHY403_FIREFOX_PREVIOUS || old.WHY403_FIREFOX_140,
    script: OLD_BROWSERS,
    howTo: `${OLD_BROWSERS} (as root), or set WHY403_FIREFOX_PREVIOUS`,
  },
};

// The programs the export tests run for real (test/support/tools.ts): optional for vitest, each
// left out through its `skip` variable when it cannot be had, so one missing shell never fails
// the whole unit suite on a newcomer's machine (and fails it under CI, like a browser).
const TOOLS = {
  curl: { path: '/usr/bin/curl', apt: 'curl', what: 'the export tests run by curl' },
  dash: { path: '/usr/bin/dash', apt: 'dash', what: 'the export tests run by dash' },
  zsh: { path: '/usr/bin/zsh', apt: 'zsh', what: 'the export tests run by zsh' },
  httpie: { path: '/usr/bin/http', apt: 'httpie', what: 'the HTTPie export run by HTTPie' },
};
for (const [name, tool] of Object.entries(TOOLS))
  BROWSERS[name] = {
    ...tool,
    kind: 'tools',
    skip: `WHY403_SKIP_${name.toUpperCase()}`,
    howTo: `apt-get install ${tool.apt} (as root)`,
  };

const required = process.env.CI === 'true' || process.env.CI === '1' || process.env.WHY403_REQUIRE_BROWSERS === '1';

function runnable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Why this process may not install, or null when it may. */
function noInstallReason() {
  if (process.env.WHY403_NO_INSTALL === '1') return 'installing is off (WHY403_NO_INSTALL=1)';
  if (process.getuid?.() !== 0) return 'installing needs root';
  if (!onPath('apt-get')) return 'installing needs apt-get';
  return null;
}

let aptUpdated = false;
function install(browser) {
  const sh = (cmd) => spawnSync('sh', ['-c', cmd], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
  if (browser.script) return sh(browser.script);
  if (!aptUpdated) aptUpdated = sh('apt-get update -qq');
  return sh(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${browser.apt} >/dev/null`);
}

/** The browser's path when it is (or was just made) available; otherwise the reason it is not. */
function ensure(name) {
  const browser = BROWSERS[name];
  if (!browser)
    throw new Error(`browsers.mjs: unknown browser or tool ${name} (known: ${Object.keys(BROWSERS).join(', ')})`);
  if (runnable(browser.path)) return { browser };
  const reason = noInstallReason();
  if (reason) return { browser, missing: `no ${name} at ${browser.path}, and ${reason}` };
  console.log(`${browser.kind ?? 'browsers'}: ${name} is missing at ${browser.path}; installing it`);
  if (install(browser) && runnable(browser.path)) return { browser };
  return { browser, missing: `no ${name} at ${browser.path}, and installing it failed` };
}

function parseArgs(argv) {
  const dash = argv.indexOf('--');
  if (dash < 0 || dash === argv.length - 1)
    throw new Error('usage: browsers.mjs <browser>... [--optional <browser>...] -- <command>...');
  const needed = [];
  const optional = [];
  let list = needed;
  for (const a of argv.slice(0, dash)) {
    if (a === '--optional') list = optional;
    else list.push(a);
  }
  return { needed, optional, command: argv.slice(dash + 1) };
}

const { needed, optional, command } = parseArgs(process.argv.slice(2));
const rerun = process.env.npm_lifecycle_event ? `npm run ${process.env.npm_lifecycle_event}` : command.join(' ');
const env = { ...process.env };
let skipAll = false;

for (const name of [...needed, ...optional]) {
  const { browser, missing } = ensure(name);
  if (!missing) {
    if (browser.env) env[browser.env] = browser.path;
    continue;
  }
  const isOptional = optional.includes(name);
  if (isOptional && !browser.skip)
    throw new Error(`browsers.mjs: ${name} cannot be optional (nothing tells the command to leave it out)`);
  if (required) {
    console.error(
      `${browser.kind ?? 'browsers'}: FAILED: ${browser.what} cannot run under CI: ${missing}. Fix: ${browser.howTo}.`,
    );
    process.exit(1);
  }
  console.log(
    `${browser.kind ?? 'browsers'}: SKIPPED ${browser.what}: ${missing}. To run it: ${browser.howTo}, then ${rerun}.`,
  );
  if (isOptional) env[browser.skip] = '1';
  else skipAll = true;
}
if (skipAll) process.exit(0);

const child = spawnSync(command[0], command.slice(1), { cwd: process.cwd(), env, stdio: 'inherit', shell: false });
if (child.error) {
  console.error(`browsers: could not start ${command[0]}: ${child.error.message}`);
  process.exit(1);
}
process.exit(child.status ?? 1);
