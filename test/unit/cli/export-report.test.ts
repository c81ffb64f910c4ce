// `why403 export` and `why403 report` as a user runs them: a real process, real files.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHar } from '../../support/har';
import { startEchoServer, type EchoServer } from '../../support/echo-server';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'why403-cli-export-'));

function run(args: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'bin', 'why403.mjs'), ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (err, out, errOut) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: String(out), err: String(errOut) }),
    );
    child.stdin?.end(input ?? '');
  });
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

let echo: EchoServer;
let harPath: string;
beforeAll(async () => {
  echo = await startEchoServer();
  harPath = file(
    'cap.har',
    JSON.stringify(
      makeHar([
        {
          url: `${echo.origin}/v1/items?key=Key-Secret-1`,
          status: 200,
          requestHeaders: { Authorization: 'Bearer Tok-Secret-123' },
        },
        {
          method: 'POST',
          url: `${echo.origin}/v1/items?key=Key-Secret-1`,
          status: 200,
          requestHeaders: { Authorization: 'Bearer Tok-Secret-123' },
        },
        {
          method: 'POST',
          url: `${echo.origin}/v1/items?key=Key-Secret-1&q='$x'`,
          status: 401,
          requestHeaders: {
            Authorization: 'Bearer Tok-Secret-456',
            'Content-Type': 'application/json',
            'X-Q': '"it\'s" $HOME `id`',
          },
          requestBody: '{"password":"Pw-Secret-789","n":"é"}',
        },
      ]),
    ),
  );
});
afterAll(() => echo.close());

function expectUsageError(r: { code: number; out: string; err: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.err).toMatch(/^why403: /);
  expect(r.err).toMatch(pattern);
}

describe('why403 export', () => {
  it('prints a curl command that bash runs to the same request', async () => {
    const r = await run(['export', harPath, '--entry', '2', '--format', 'curl', '--no-redact']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    echo.reset();
    const script = file('cmd.sh', r.out);
    await new Promise<void>((resolve, reject) => execFile('/bin/bash', [script], (e) => (e ? reject(e) : resolve())));
    const got = echo.received[0]!;
    expect(got.method).toBe('POST');
    expect(got.target).toBe("/v1/items?key=Key-Secret-1&q='$x'");
    expect(got.headers.find((h) => h.name === 'X-Q')?.value.toString()).toBe('"it\'s" $HOME `id`');
    expect(got.body.toString('utf8')).toBe('{"password":"Pw-Secret-789","n":"é"}');
  });

  it('--redact replaces secrets by variables and lists them; reads standard input', async () => {
    const har = JSON.stringify(
      makeHar([
        {
          url: 'https://a.example/x?api_key=Key-Secret-1',
          status: 403,
          requestHeaders: { Cookie: 'sid=Sid-Secret-1' },
        },
      ]),
    );
    const r = await run(['export', '-', '--entry', '0', '--format', 'node', '--redact'], har);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/Key-Secret-1|Sid-Secret-1/);
    expect(r.out).toContain('env("WHY403_QUERY_API_KEY")');
    expect(r.out).toMatch(/\/\/ {2}WHY403_COOKIE_SID: cookie value/);
  });

  it('--format har prints a one-entry HAR log', async () => {
    const r = await run(['export', harPath, '--entry=0', '--format=har', '--redact']);
    const doc = JSON.parse(r.out);
    expect(doc.log.entries).toHaveLength(1);
    expect(r.out).not.toContain('Tok-Secret-123');
  });

  it('errors: one line on stderr, exit 2, nothing on stdout', async () => {
    expectUsageError(await run(['export', harPath, '--format', 'curl']), /missing --entry/);
    expectUsageError(
      await run(['export', harPath, '--entry', '7', '--format', 'curl']),
      /cap\.har: entry 7 is out of range \(the log has 3 entries, 0 to 2\)/,
    );
    expectUsageError(
      await run(['export', harPath, '--entry', '0', '--format', 'wget']),
      /unknown export format "wget"/,
    );
    expectUsageError(await run(['export', harPath, '--entry', '0']), /missing --format/);
    expectUsageError(
      await run(['export', join(dir, 'nope.har'), '--entry', '0', '--format', 'curl']),
      /nope\.har: cannot read: no such file/,
    );
  });
});

describe('why403 report', () => {
  it('Markdown by default: every flagged entry, redacted, with the comparison and curl', async () => {
    const r = await run(['report', harPath]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Why403 report/);
    expect(r.out).toMatch(/^## Entry 2: `POST /m);
    expect(r.out).toMatch(/Compared with entry 1 /);
    expect(r.out).toMatch(/```sh\n# why403: curl/);
    expect(r.out).not.toMatch(/Tok-Secret-|Key-Secret-1|Pw-Secret-789/);
    expect(r.out).toContain('from `cap.har`');
    expect(r.out).not.toContain(dir);
  });

  it('--format html and json, --entry, --no-redact', async () => {
    const html = await run(['report', harPath, '--format', 'html']);
    expect(html.out).toMatch(/^<!DOCTYPE html>/);
    const json = await run(['report', harPath, '--entry', '0', '--format', 'json', '--no-redact']);
    const doc = JSON.parse(json.out);
    expect(doc.version).toBe(1);
    expect(doc.redacted).toBe(false);
    expect(doc.entries.map((e: { index: number }) => e.index)).toEqual([0]);
    expect(json.out).toContain('Tok-Secret-123');
  });

  it('errors: unknown format, out-of-range entry', async () => {
    expectUsageError(await run(['report', harPath, '--format', 'pdf']), /unknown report format "pdf"/);
    expectUsageError(await run(['report', harPath, '--entry', '3']), /entry 3 is out of range/);
  });
});
