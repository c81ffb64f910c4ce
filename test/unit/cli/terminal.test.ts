// A hostile HAR's escape sequences must not reach the terminal: every command's output and
// every error line, for every format, holds no raw control, C1, line-separator or bidi
// character (they are shown as visible escapes instead).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../../cli/terminal';
import { makeHar } from '../../support/har';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'why403-cli-term-'));
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069\ufeff]/;

const ESC = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m';
const har = makeHar([
  {
    method: 'GET',
    url: `https://api.example/x${encodeURIComponent(ESC)}?q=\u202eevil`,
    status: 403,
    statusText: `Forbidden${ESC}\u009b31m\r\u2028`,
    requestHeaders: { Authorization: `Bearer a${ESC}b`, 'X-C1': 'a\u0085b\u009bc' },
    responseHeaders: { 'WWW-Authenticate': `Bearer realm="${ESC}"`, 'X-Reason': `no\u202e${ESC}` },
    requestBody: `{"a":"${ESC}\u202e"}`,
  },
]);
const path = join(dir, `cap${ESC.split('\u0007').join('')}.har`);
writeFileSync(path, JSON.stringify(har));

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin', 'why403.mjs'), ...args], { cwd: root }, (err, out, errOut) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out: String(out), err: String(errOut) }),
    );
  });
}

describe('the terminal helper', () => {
  it('makes every unsafe character visible and leaves text alone', () => {
    expect(escapeControls('a\u001b[31mb\r\u009b\u202e')).not.toMatch(RAW);
    expect(escapeControls('plain é ✓')).toBe('plain é ✓');
  });
});

describe('CLI output of a hostile HAR', () => {
  // Each command with the exit code it must end with: the capture has one entry, so entry 7,
  // a missing file, a hostile entry index and an unknown command are usage errors (2).
  const ok = (...args: string[]) => [args, 0] as const;
  const usage = (...args: string[]) => [args, 2] as const;
  const commands = [
    ok('diagnose', path, '--all'),
    ok('diagnose', path, '--all', '--json'),
    ok('report', path, '--entry', '0', '--no-redact'),
    ok('report', path, '--entry', '0', '--format', 'html', '--no-redact'),
    ok('report', path, '--entry', '0', '--format', 'json', '--no-redact'),
    ...['curl', 'curl-cmd', 'powershell', 'fetch', 'node', 'httpie', 'har'].map((f) =>
      ok('export', path, '--entry', '0', '--format', f),
    ),
    usage('export', path, '--entry', '7', '--format', 'curl'),
    usage('diagnose', join(dir, `missing${ESC}.har`)),
    usage('export', path, '--entry', `1${ESC}`, '--format', 'curl'),
    usage(`nope${ESC}`),
  ];
  it.each(commands.map(([c, code]) => [c.join(' ').replace(new RegExp(RAW, 'g'), '?'), c, code] as const))(
    '%s',
    async (_name, args, code) => {
      const r = await run([...args]);
      expect(r.out).not.toMatch(RAW);
      expect(r.err).not.toMatch(RAW);
      expect(r.code).toBe(code);
      if (code === 2) {
        expect(r.out).toBe('');
        expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
      } else expect(r.out).not.toBe('');
    },
  );
});
