// The habits developers expect from a CLI (eslint, curl, httpie), per docs/cli.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHar } from '../../support/har';
import { file, scratch, usageError, why403 } from './in-process';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const sample = join(root, 'test', 'fixtures', 'har', 'chrome156-cors.har');
const secretHar = file(
  'secret.har',
  JSON.stringify(
    makeHar([
      {
        url: 'https://api.example/v1/items?api_key=Key-Secret-1&page=2',
        status: 403,
        requestHeaders: { Authorization: 'Bearer Tok-Secret-123' },
        body: '{"error":"forbidden"}',
      },
    ]),
  ),
);

describe('help and version', () => {
  it('--version prints the package version and exits 0', async () => {
    const r = await why403(['--version']);
    expect(r).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it.each([['-h'], ['--help'], ['help']])('why403 %s lists the commands, exit codes and examples', async (flag) => {
    const r = await why403([flag]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const c of ['diagnose', 'export', 'report', '--version', 'Exit codes:', 'Examples:'])
      expect(r.out).toContain(c);
  });

  const commands: [string, string[]][] = [
    ['diagnose', ['-f, --format FMT', '--json', '--all', '--fail-on-flagged', '-o, --output FILE', '--no-redact']],
    ['export', ['-e, --entry N', '-f, --format FMT', '-o, --output FILE', '--no-redact', '--redact']],
    ['report', ['-e, --entry N', '-f, --format FMT', '-o, --output FILE', '--no-redact']],
  ];
  it.each(commands)(
    '%s: -h, --help and help <command> print every flag, defaults, exit codes, an example',
    async (name, flags) => {
      const a = await why403([name, '-h']);
      expect(a.code).toBe(0);
      expect(a.err).toBe('');
      expect((await why403([name, '--help'])).out).toBe(a.out);
      expect((await why403(['help', name])).out).toBe(a.out);
      // Help wins over missing arguments: `export -h` must not complain about --format.
      expect((await why403([name, sample, '--help'])).out).toBe(a.out);
      expect(a.out).toMatch(new RegExp(`^Usage: why403 ${name} <capture\\|->`));
      for (const f of flags) expect(a.out).toContain(f);
      expect(a.out).toContain('(default: ');
      expect(a.out).toMatch(/Exit codes:\n {2}0 {2}success\n/);
      expect(a.out).toMatch(/ {2}2 {2}usage error/);
      expect(a.out).toMatch(new RegExp(`Examples?:\\n {2}why403 ${name} `));
    },
  );
});

describe('usage errors: one line on stderr, exit 2, nothing on stdout', () => {
  it.each([
    [[], /missing command/],
    [['diagnos', sample], /unknown command "diagnos"/],
    [['--verbose'], /unknown option --verbose/],
    [['diagnose', sample, '--jsn'], /unknown option --jsn/],
    [['diagnose', sample, '-x'], /unknown option -x/],
    [['diagnose', sample, '-f'], /--format \(-f\) needs a value/],
    [['diagnose', sample, '--all=yes'], /--all takes no value/],
    [['diagnose', sample, '-f', 'xml'], /unknown diagnose format "xml" \(one of: text, json, junit, github\)/],
    [['diagnose'], /missing capture/],
    [['diagnose', sample, sample], /diagnose takes one capture, got 2/],
    [['export', sample, '-f', 'curl'], /missing --entry/],
    [['export', sample, '-e', '0'], /missing --format/],
    [['export', sample, '-e', '-1', '-f', 'curl'], /--entry must be a whole number, got "-1"/],
    [['report', sample, '-e', '99'], /entry 99 is out of range/],
    [['diagnose', sample, '-o', join(scratch, 'no', 'such', 'dir', 'x.txt')], /x\.txt: cannot write: no such file/],
    [['diagnose', sample, '--a\nb\u001b[2J'], /unknown option --a\\nb\\x1b\[2J$/m],
    [['diagnose', join(scratch, 'evil\n\u001b]0;x\u0007.har')], /evil\\n\\x1b\]0;x\\x07\.har: cannot read/],
  ])('%j', async (args, message) => {
    expect(usageError(await why403(args))).toMatch(message);
  });
});

describe('short flags, aliases and -o', () => {
  it('-f json, -fjson, --format=json and --json print the same document', async () => {
    const long = await why403(['diagnose', sample, '--format', 'json']);
    expect(long.code).toBe(0);
    JSON.parse(long.out);
    for (const args of [['-f', 'json'], ['-fjson'], ['--format=json'], ['--json'], ['-f', 'text', '--json']])
      expect((await why403(['diagnose', sample, ...args])).out).toBe(long.out);
  });

  it('-e N is --entry N; -- ends options', async () => {
    const a = await why403(['export', sample, '-e', '1', '-f', 'curl']);
    expect(a.code).toBe(0);
    expect((await why403(['export', '--entry=1', '--format', 'curl', '--', sample])).out).toBe(a.out);
  });

  it('-o FILE writes the output there and nothing on stdout, for every command', async () => {
    for (const [args, start] of [
      [['diagnose', sample, '-f', 'junit'], '<?xml'],
      [['export', sample, '-e', '0', '-f', 'har'], '{'],
      [['report', sample, '-f', 'html'], '<!DOCTYPE html>'],
    ] as const) {
      const target = join(scratch, `out-${args[0]}`);
      const r = await why403([...args, '-o', target]);
      expect(r).toEqual({ code: 0, out: '', err: '' });
      expect(readFileSync(target, 'utf8').startsWith(start)).toBe(true);
      const stamp = /\d{4}-\d\d-\d\dT[\d:.]+Z/g;
      expect((await why403([...args, '-o', '-'])).out.replace(stamp, '')).toBe(
        readFileSync(target, 'utf8').replace(stamp, ''),
      );
    }
  });

  it('a usage error writes no output file', async () => {
    const target = join(scratch, 'never.txt');
    usageError(await why403(['diagnose', join(scratch, 'missing.har'), '-o', target]));
    expect(existsSync(target)).toBe(false);
  });
});

describe('redaction is on by default everywhere', () => {
  it('export redacts unless --no-redact; --redact is still accepted; the last one wins', async () => {
    const plain = await why403(['export', secretHar, '-e', '0', '-f', 'curl']);
    expect(plain.code).toBe(0);
    expect(plain.out).not.toMatch(/Key-Secret-1|Tok-Secret-123/);
    expect(plain.out).toContain('WHY403_');
    expect((await why403(['export', secretHar, '-e', '0', '-f', 'curl', '--redact'])).out).toBe(plain.out);
    const raw = await why403(['export', secretHar, '-e', '0', '-f', 'curl', '--no-redact']);
    expect(raw.out).toContain('Key-Secret-1');
    expect(raw.out).toContain('Tok-Secret-123');
    expect((await why403(['export', secretHar, '-e', '0', '-f', 'curl', '--no-redact', '--redact'])).out).toBe(
      plain.out,
    );
  });

  it.each(['text', 'json', 'junit', 'github'])(
    'diagnose -f %s keeps secrets of the URL out unless --no-redact',
    async (f) => {
      const r = await why403(['diagnose', secretHar, '-f', f]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('api.example');
      expect(r.out).not.toContain('Key-Secret-1');
      expect((await why403(['diagnose', secretHar, '-f', f, '--no-redact'])).out).toContain('Key-Secret-1');
    },
  );
});

describe('hostile captures in human output', () => {
  it('escapes control characters of captured values in text output', async () => {
    const har = makeHar([
      { url: 'https://api.example/\u001b]0;pwned\u0007\u001b[2J/x?\u202e=1', status: 403, requestHeaders: {} },
    ]);
    const r = await why403(['diagnose', '-'], JSON.stringify(har));
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.out).toContain('\\x1b]0;pwned\\x07\\x1b[2J');
  });
});
