// The runners every hostile export goes through, and the one check they share: the export
// either delivers the HAR's request byte for byte to the echo server (less what its comments
// name as left out) or refuses in comments and sends nothing; no payload leaves a file.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { exportEntry, type ExportFormat } from '../../../lib/export';
import type { CommentStyle } from '../../../lib/export/comments';
import type { HarEntry } from '../../../lib/har/types';
import type { EchoServer } from '../../support/echo-server';
import { parseCmd } from './cmd-sim';
import { CLIENT_EXTRAS, expectedFor, type Expected } from './corpus';
import { assertCommentsClean, assertNoRawControls, assertRoundTrip, commentsOf, isRefusal } from './oracle';
import { commentText } from '../../../lib/export/comments';
import { clip } from '../../../lib/redact';
import { interpretPowerShell } from './ps-sim';
import { powershellCurl } from './windows-run';
import { hasTool, type Tool } from '../../support/tools';

const FETCH_HARNESS = `// Runs a browser-console snippet as a classic script, with fetch() going to the echo server.
const vm = require('node:vm');
const fs = require('node:fs');
globalThis.require = require; // an injected payload could act, and leave its marker
const nodeFetch = globalThis.fetch;
globalThis.fetch = (input, init = {}) => {
  // The page's credentials mode and referrer have no meaning against a local echo server.
  const { credentials: _c, referrer: _r, ...rest } = init;
  return nodeFetch(input, rest);
};
vm.runInThisContext(fs.readFileSync(process.argv[2], 'utf8'), { filename: 'console.js' });
`;

// Many scripts in one node process, one after another, for the fuzz test (a node start costs
// about a second on a loaded machine). Each runs as a classic script in a block of its own
// (so top-level declarations of two scripts never meet); fetch() calls are counted per script
// and each is awaited, so the echo server receives them in script order.
const BATCH_HARNESS = `const vm = require('node:vm');
const fs = require('node:fs');
globalThis.require = require; // an injected payload could act, and leave its marker
const nodeFetch = globalThis.fetch;
const browser = process.env.WHY403_BROWSER === '1';
let calls = [];
let failure;
process.on('unhandledRejection', (e) => { failure = String((e && e.message) || e); });
globalThis.fetch = (input, init = {}) => {
  const { credentials: _c, referrer: _r, ...rest } = init;
  const p = nodeFetch(input, browser ? rest : init);
  calls.push(p);
  return p;
};
console.log = () => undefined;
(async () => {
  const out = [];
  for (const file of JSON.parse(fs.readFileSync(process.env.WHY403_BATCH, 'utf8'))) {
    calls = [];
    failure = undefined;
    try {
      vm.runInThisContext('{' + fs.readFileSync(file, 'utf8') + '\\n}', { filename: file });
    } catch (e) {
      failure = String((e && e.message) || e);
    }
    for (const p of calls) await p.then((r) => r.arrayBuffer(), (e) => { failure = String(e.cause || e.message); }).catch(() => 0);
    await new Promise((r) => setTimeout(r, 5));
    out.push({ called: calls.length, failure });
  }
  fs.writeFileSync(process.env.WHY403_RESULT, JSON.stringify(out));
})();
`;

/** Runs JS exports in one node process; per script, how many requests it made and any error. */
export async function runJsBatch(
  scripts: string[],
  dir: string,
  browser: boolean,
): Promise<{ called: number; failure?: string }[]> {
  const files = scripts.map((s, i) => {
    const f = join(dir, `s${i}.js`);
    writeFileSync(f, s);
    return f;
  });
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(files));
  writeFileSync(join(dir, 'harness.cjs'), BATCH_HARNESS);
  const env = {
    WHY403_BATCH: join(dir, 'batch.json'),
    WHY403_RESULT: join(dir, 'result.json'),
    WHY403_BROWSER: browser ? '1' : '0',
  };
  const r = await exec(process.execPath, [join(dir, 'harness.cjs')], join(dir, 'cwd'), undefined, env);
  if (r.code !== 0) throw new Error(`the node batch exited ${r.code}: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as { called: number; failure?: string }[];
}

function exec(file: string, args: string[], cwd: string, input?: Buffer, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = execFile(
      file,
      args,
      { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', ...env }, timeout: 20000 },
      (err, _out, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

export interface Runner {
  name: string;
  format: ExportFormat;
  style: CommentStyle;
  kind: 'curl' | 'node' | 'fetch';
  extras: ReadonlySet<string>;
  /** Runs the script in `cwd`; a thrown error or a non-zero exit is a failure. */
  run(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stderr: string }>;
  share?: number;
  /** Many scripts in one process (the fuzz test), for the node runners. */
  batch?: 'node' | 'browser';
  /** The programs it runs besides Node and bash; without one, the runner is left out (test/support/tools.ts). */
  needs?: Tool[];
}

const shell = (path: string) => async (script: string, cwd: string, env: Record<string, string>) => {
  writeFileSync(join(cwd, '..', 'run.sh'), script);
  return exec(path, [join(cwd, '..', 'run.sh')], cwd, undefined, env);
};

async function curlConfig(config: Buffer, cwd: string) {
  return exec('curl', ['--config', '-'], cwd, config);
}

const ALL_RUNNERS: Runner[] = [
  ...(
    [
      ['/bin/bash', []],
      ['/usr/bin/dash', ['dash']],
      ['/usr/bin/zsh', ['zsh']],
    ] as const
  ).map(([path, shellTool]): Runner => ({
    name: `curl/${path.split('/').pop()}`,
    format: 'curl',
    style: 'sh',
    kind: 'curl',
    extras: CLIENT_EXTRAS.curl,
    run: shell(path),
    needs: ['curl', ...shellTool],
  })),
  {
    name: 'node',
    format: 'node',
    style: 'js',
    kind: 'node',
    extras: CLIENT_EXTRAS.node,
    batch: 'node',
    share: 4,
    run: async (script, cwd, env) => {
      writeFileSync(join(cwd, '..', 'request.cjs'), script);
      return exec(process.execPath, [join(cwd, '..', 'request.cjs')], cwd, undefined, env);
    },
  },
  {
    name: 'fetch',
    format: 'fetch',
    style: 'js',
    kind: 'fetch',
    extras: CLIENT_EXTRAS.node,
    batch: 'browser',
    share: 4,
    run: async (script, cwd, env) => {
      // The browser snippet's placeholders are filled in by hand, as its comment asks.
      for (const [name, value] of Object.entries(env))
        script = script.replace(`const ${name} = "<${name}>";`, `const ${name} = ${JSON.stringify(value)};`);
      writeFileSync(join(cwd, '..', 'harness.cjs'), FETCH_HARNESS);
      writeFileSync(join(cwd, '..', 'snippet.js'), script);
      return exec(process.execPath, [join(cwd, '..', 'harness.cjs'), join(cwd, '..', 'snippet.js')], cwd);
    },
  },
  {
    name: 'httpie',
    format: 'httpie',
    style: 'sh',
    kind: 'curl',
    extras: new Set(['host', 'content-length', 'transfer-encoding', 'accept-encoding', 'user-agent']),
    run: shell('/bin/bash'),
    share: 0.2,
    needs: ['httpie'],
  },
  {
    name: 'cmd (model)',
    format: 'curl-cmd',
    style: 'cmd',
    kind: 'curl',
    extras: CLIENT_EXTRAS.curl,
    needs: ['curl'],
    run: async (script, cwd, env) => {
      const { pipeline } = parseCmd(script, { PATH: 'C:\\Windows', COMSPEC: 'C:\\Windows\\cmd.exe', ...env });
      expect(pipeline, 'cmd would re-parse each side of a pipe').toHaveLength(1);
      const argv = pipeline[0]!;
      if (argv[0] === 'curl.exe') return exec('curl', argv.slice(1), cwd);
      const bodyPath = join(cwd, '..', 'body.bin');
      const { config, bodyFile } = powershellCurl(argv, env, bodyPath);
      if (bodyFile) writeFileSync(bodyPath, bodyFile);
      return curlConfig(config, cwd);
    },
  },
  {
    name: 'powershell (model)',
    format: 'powershell',
    style: 'ps',
    kind: 'curl',
    extras: CLIENT_EXTRAS.curl,
    needs: ['curl'],
    run: async (script, cwd, env) => {
      expect(script, 'a PowerShell export must be ASCII').toMatch(/^[\x20-\x7e\n]*$/);
      const { config, files } = interpretPowerShell(script, env, join(cwd, '..', 'body.bin'));
      for (const [path, bytes] of files) writeFileSync(path, bytes);
      return curlConfig(Buffer.from(config, 'utf8'), cwd);
    },
  },
];

/** The runners this machine can run: every one under CI, where a missing tool fails the test. */
export const RUNNERS: Runner[] = ALL_RUNNERS.filter((r) => (r.needs ?? []).every(hasTool));

/** What the server must see: the HAR's request; header values compared without surrounding whitespace. */
// RFC 9110 §5.1, §5.5: a field name is a token; a value holds no control character but tab.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Headers HTTP cannot carry: no export may send them, and each must be named in a comment. */
function unsendable(entry: HarEntry) {
  return entry.request.headers.filter((h) => !TOKEN.test(h.name) || BAD_VALUE.test(h.value));
}

/** Every header HTTP cannot carry is named in the export's comments. */
export function assertUnsendableNamed(entry: HarEntry, script: string, style: CommentStyle): void {
  const comments = commentsOf(script, style).join('\n');
  for (const h of unsendable(entry))
    expect(comments, `header ${h.name} left out without a word`).toContain(
      commentText(clip(h.name, 40), style).slice(0, 30),
    );
}

export function expected(entry: HarEntry, kind: Runner['kind']): Expected {
  const bad = new Set(unsendable(entry));
  const sendable = {
    ...entry,
    request: { ...entry.request, headers: entry.request.headers.filter((h) => !bad.has(h)) },
  };
  const e = expectedFor({}, sendable, kind);
  const trim = (b: Buffer) => Buffer.from(b.toString('latin1').replace(/^[ \t]+|[ \t]+$/g, ''), 'latin1');
  return { ...e, headers: e.headers.map((h) => ({ ...h, value: trim(h.value) })) };
}

export type Outcome = 'sent' | 'refused';

/** Exports `entry` for `runner`, runs it in a fresh directory, and checks the rule. */
export async function checkExport(
  runner: Runner,
  entry: HarEntry,
  echo: EchoServer,
  root: string,
  env: Record<string, string> = {},
  options: { redact?: boolean } = {},
): Promise<Outcome> {
  const script = exportEntry(entry, runner.format, { index: 0, ...options });
  const dir = mkdtempSync(join(root, `${runner.format}-`));
  const cwd = join(dir, 'cwd');
  mkdirSync(cwd);
  try {
    assertCommentsClean(script, runner.style);
    assertNoRawControls(script);
    echo.reset();
    const refused = isRefusal(script, runner.style);
    if (refused && (runner.style === 'cmd' || runner.style === 'ps')) return 'refused';
    const r = await runner.run(script, cwd, env);
    expect(readdirSync(cwd), 'a payload ran: files appeared in the working directory').toEqual([]);
    if (refused) {
      expect(echo.received).toHaveLength(0);
      return 'refused';
    }
    if (r.code !== 0) throw new Error(`${runner.name} exited ${r.code}: ${r.stderr.slice(0, 1000)}`);
    expect(echo.received).toHaveLength(1);
    assertRoundTrip(echo.received[0], expected(entry, runner.kind), runner.extras, script, runner.style);
    assertUnsendableNamed(entry, script, runner.style);
    return 'sent';
  } catch (e) {
    const context = `${JSON.stringify(entry.request).slice(0, 1500)}\n--- export ---\n${script.slice(0, 3000)}`;
    throw new Error(`${(e as Error).message}\n${context}`, { cause: e });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fuzz test's path for batch runners: every script checked against its own request. */
export async function checkBatch(runner: Runner, all: HarEntry[], echo: EchoServer, root: string) {
  // Batches of 100 keep one node process well inside its time limit.
  const tally = { sent: 0, refused: 0 };
  for (let i = 0; i < all.length; i += 100) {
    const got = await checkChunk(runner, all.slice(i, i + 100), echo, root);
    tally.sent += got.sent;
    tally.refused += got.refused;
  }
  return tally;
}

async function checkChunk(runner: Runner, entries: HarEntry[], echo: EchoServer, root: string) {
  const scripts = entries.map((e, i) => exportEntry(e, runner.format, { index: i }));
  const dir = mkdtempSync(join(root, `${runner.format}-batch-`));
  const cwd = join(dir, 'cwd');
  mkdirSync(cwd);
  echo.reset();
  const tally = { sent: 0, refused: 0 };
  try {
    const results = await runJsBatch(scripts, dir, runner.batch === 'browser');
    expect(readdirSync(cwd), 'a payload ran: files appeared in the working directory').toEqual([]);
    let k = 0;
    scripts.forEach((script, i) => {
      const context = () =>
        `case ${i}: ${JSON.stringify(entries[i]!.request).slice(0, 1500)}\n--- export ---\n${script.slice(0, 3000)}`;
      try {
        assertCommentsClean(script, runner.style);
        assertNoRawControls(script);
        const res = results[i]!;
        if (isRefusal(script, runner.style)) {
          expect(res.called).toBe(0);
          tally.refused++;
          return;
        }
        expect(res.failure, 'the script failed').toBeUndefined();
        expect(res.called, 'the script must make exactly one request').toBe(1);
        assertRoundTrip(echo.received[k++], expected(entries[i]!, runner.kind), runner.extras, script, runner.style);
        assertUnsendableNamed(entries[i]!, script, runner.style);
        tally.sent++;
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${context()}`, { cause: e });
      }
    });
    expect(echo.received).toHaveLength(k);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return tally;
}
