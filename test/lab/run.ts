// npm run lab: starts real, unmodified server software on 127.0.0.1 with the configs in test/lab/conf,
// records every scenario as a HAR with Playwright (Chromium /usr/bin/chromium, recordHar; its API client for
// API calls), stops each server by PID, and writes test/fixtures/lab/<server>/<scenario>.har plus labels.json.
// Installs nothing at test time except the lab's own npm packages when missing (test/lab/package.json).
// Usage: npm run lab [-- server…]   (a subset re-records only those servers; the others' labels are kept)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { chromium, request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { SERVERS, PORTS } from './servers';
import type { LabServer, Scenario, ScenarioTools } from './types';
import { labelScenario, type LabLabel } from './labels';
import { writeFixturesReadme } from './readme';

const LAB = resolve(import.meta.dirname);
const OUT = resolve(LAB, '../fixtures/lab');
const RUN = '/tmp/why403-lab';
const CHROMIUM = process.env.WHY403_CHROMIUM ?? '/usr/bin/chromium';

function fill(text: string, server: LabServer): string {
  return text
    .replaceAll('{{PORT}}', String(PORTS[server.name]))
    .replaceAll('{{DIR}}', join(RUN, server.name))
    .replaceAll('{{LAB}}', LAB)
    .replaceAll('{{APP}}', String(PORTS.app))
    .replace(/\{\{PORT:(\w+)\}\}/g, (_, name: string) => String(PORTS[name]));
}

function waitForPort(port: number, seconds: number): Promise<void> {
  const until = Date.now() + seconds * 1000;
  return new Promise((ok, fail) => {
    const attempt = () => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), ok()));
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) fail(new Error(`port ${port} did not open within ${seconds}s`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/** The lab's own page host: the origin pages run on, and a plain 200 backend for the proxies. */
function appServer(): Server {
  return createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/page')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>lab app</title><p>The lab page that calls other origins.</p>');
      return;
    }
    if (req.url?.startsWith('/auth-check')) {
      // The auth service behind nginx's auth_request: one good token, one read-only token.
      const auth = req.headers.authorization ?? '';
      const status = auth === 'Bearer lab-good-token' ? 200 : auth === 'Bearer lab-readonly-token' ? 403 : 401;
      if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="lab", error="invalid_token"');
      res.writeHead(status).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, path: req.url }));
  }).listen(PORTS.app, '127.0.0.1');
}

function version(server: LabServer): string {
  const r = spawnSync(server.version[0]!, server.version.slice(1), { encoding: 'utf8', cwd: LAB });
  return `${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? '?';
}

function start(server: LabServer): ChildProcess {
  const dir = join(RUN, server.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o777 });
  chmodSync(dir, 0o777); // servers that drop root (squid, tinyproxy) write their pid and logs here
  for (const c of server.configs) {
    const src = join(LAB, 'conf', c);
    const dst = join(dir, c.split('/').pop()!);
    writeFileSync(dst, fill(readFileSync(src, 'utf8'), server));
  }
  const [cmd, ...args] = server.start.map((a) => fill(a, server));
  const child = spawn(cmd!, args, {
    cwd: dir,
    env: { ...process.env, ...server.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  child.on('exit', (code) => {
    if (code && code !== 0 && code !== 143)
      console.error(`  ${server.name} exited ${code}:\n${log.join('').slice(-2000)}`);
  });
  return child;
}

/** Stops the server by its PID: TERM, then KILL after 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((ok) => child.once('exit', () => ok()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.exitCode === null && child.pid && process.kill(child.pid, 'SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

/**
 * Playwright's API client has no public recordHar; its tracing object drives the same HarRecorder that
 * `recordHar` uses for browser contexts (Tracing.harStart / harExport, internal but stable since 1.2x).
 */
interface HarChannel {
  harStart(p: { options: Record<string, unknown> }): Promise<{ harId: string }>;
  harExport(p: { harId: string; mode: 'entries' }): Promise<{ entries: { name: string; value: string }[] }>;
}
const harChannel = (api: APIRequestContext) => (api.tracing as unknown as { _channel: HarChannel })._channel;

function tools(page: Page | null, api: APIRequestContext | null): ScenarioTools {
  const need = <T>(v: T | null, what: string): T => {
    if (v === null)
      throw new Error(
        `this scenario records ${what === 'page' ? 'the API client' : 'a browser'}; use ${what === 'page' ? 't.api' : 't.page'}`,
      );
    return v;
  };
  return {
    ports: PORTS,
    get page() {
      return need(page, 'page');
    },
    get api() {
      return need(api, 'api');
    },
    url: (name, path) => `http://127.0.0.1:${PORTS[name]}${path}`,
    open: async (url) => {
      // A refused navigation may end in a net:: error (Chromium gives up on a 401 it cannot answer); the HAR keeps the response.
      await need(page, 'page')
        .goto(url)
        .catch(() => undefined);
    },
    fetchInPage: (url, init = {}) =>
      need(page, 'page').evaluate(
        async ([u, i]) => {
          try {
            return (await fetch(u, i as RequestInit)).status;
          } catch {
            return 0;
          }
        },
        [url, init] as const,
      ),
  };
}

/**
 * DevTools' own HAR: Chromium with DevTools and the built Why403 panel open (the e2e harness), the scenario run
 * in the inspected page, then chrome.devtools.network.getHAR() from the panel, written as {"log": …} unmodified.
 */
async function recordWithDevtools(sc: Scenario, file: string): Promise<string> {
  const { launchWithPanel } = await import('../e2e/harness.ts');
  const page = `http://127.0.0.1:${PORTS.app}/page`;
  // The lab's page host stands in for the harness's scenario server (only its URL is used; nothing to stop).
  const server = { demoUrl: page, stop: async () => undefined } as unknown as NonNullable<
    Parameters<typeof launchWithPanel>[0]
  >['server'];
  const session = await launchWithPanel({ url: page, server });
  try {
    await sc.run(tools(session.page, null));
    await new Promise((r) => setTimeout(r, 1000));
    const har = await session.panel.evaluate(
      () =>
        new Promise((resolve) =>
          (
            globalThis as unknown as { chrome: { devtools: { network: { getHAR(cb: (h: unknown) => void): void } } } }
          ).chrome.devtools.network.getHAR(resolve),
        ),
    );
    writeFileSync(file, JSON.stringify({ log: har }, null, 2) + '\n');
  } finally {
    await session.close();
  }
  return file;
}

async function record(browser: Browser, server: LabServer, sc: Scenario): Promise<string> {
  const file = join(OUT, server.name, `${sc.id}.har`);
  mkdirSync(dirname(file), { recursive: true });
  const options = sc.contextOptions?.(PORTS) ?? {};
  if (sc.via === 'api') {
    const api = await request.newContext(options);
    const { harId } = await harChannel(api).harStart({ options: { content: 'embed', mode: 'full' } });
    try {
      await sc.run(tools(null, api));
    } finally {
      const { entries } = await harChannel(api).harExport({ harId, mode: 'entries' });
      copyFileSync(entries.find((e) => e.name.endsWith('.har'))!.value, file);
      await api.dispose();
    }
    return file;
  }
  if (sc.via === 'devtools') return recordWithDevtools(sc, file);
  const context = await browser.newContext({ recordHar: { path: file, content: 'embed', mode: 'full' }, ...options });
  try {
    await sc.run(tools(await context.newPage(), null));
  } finally {
    await context.close();
  }
  return file;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  if (!existsSync(join(LAB, 'node_modules'))) {
    console.log('installing the lab servers from npm (test/lab/package.json)…');
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: LAB, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install in test/lab failed');
  }
  const labelsFile = join(OUT, 'labels.json');
  const previous = existsSync(labelsFile)
    ? (JSON.parse(readFileSync(labelsFile, 'utf8')) as { servers: Record<string, string>; entries: LabLabel[] })
    : { servers: {}, entries: [] };
  const servers = SERVERS.filter((s) => only.length === 0 || only.includes(s.name));
  const app = appServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const versions: Record<string, string> = { ...previous.servers };
  const failed: string[] = [];
  let entries = previous.entries.filter((e) => !servers.some((s) => e.file.startsWith(`${s.name}/`)));
  try {
    for (const server of servers) {
      if (!existsSync(fill(server.needs, server))) {
        console.log(`- ${server.name}: not installed (${server.needs}), skipped; its committed HARs stay`);
        entries.push(...previous.entries.filter((e) => e.file.startsWith(`${server.name}/`)));
        continue;
      }
      versions[server.name] = version(server);
      console.log(`- ${server.name} (${versions[server.name]}) on 127.0.0.1:${PORTS[server.name]}`);
      rmSync(join(OUT, server.name), { recursive: true, force: true });
      const child = start(server);
      try {
        await waitForPort(PORTS[server.name]!, server.startup ?? 20);
        for (const sc of server.scenarios) {
          try {
            const file = await record(browser, server, sc);
            const labels = labelScenario(server, sc, file, OUT);
            entries.push(...labels);
            console.log(
              `    ${sc.id}: ${labels.map((l) => `#${l.index} ${l.status} ${l.cause ?? 'quiet'}`).join(', ')}`,
            );
          } catch (err) {
            failed.push(`${server.name}/${sc.id}`);
            console.error(`    ${sc.id}: FAILED ${err instanceof Error ? err.message : String(err)}`);
          }
        }
      } catch (err) {
        failed.push(server.name);
        console.error(`  ${server.name}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await stop(child);
      }
    }
  } finally {
    await browser.close();
    app.close();
  }
  entries = entries.sort((a, b) => a.file.localeCompare(b.file) || a.index - b.index);
  writeFileSync(labelsFile, JSON.stringify({ servers: versions, entries }, null, 2) + '\n');
  writeFixturesReadme(OUT, SERVERS, versions, entries);
  console.log(`wrote ${entries.length} labels to ${labelsFile} and README.md`);
  if (failed.length) {
    console.error(`${failed.length} scenarios failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
