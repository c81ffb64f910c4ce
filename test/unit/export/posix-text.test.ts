// What the POSIX exports (curl, HTTPie) write for a text and for body bytes reaches the program
// as exactly the captured data: each word, printf pipe and guard is run by real bash, dash and
// zsh, never by a model of them. Raw terminal characters never sit in the script, placeholders
// read the variable's value as data, and an unset variable stops the command.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { printfCommand, shGuard, shWord } from '../../../lib/export/posix';
import type { Text } from '../../../lib/redact';

const shells = ['bash', 'dash', 'zsh'].filter((sh) => spawnSync(sh, ['-c', 'true']).status === 0);

/** Runs `script` in `shell` with only PATH and `env` set; stdout as bytes. */
function run(shell: string, script: string, env: Record<string, string> = {}) {
  const r = spawnSync(shell, ['-c', script], { env: { PATH: process.env.PATH, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** The argument the shell builds from the word, as UTF-8 text. */
function argOf(shell: string, word: string, env: Record<string, string> = {}): string {
  return execFileSync(shell, ['-c', `printf %s ${word}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
}

// Raw runs (escape sequences, CR, DEL, C1, bidi and invisible characters) at the start, the
// middle and the end of a word, alone, and next to quotes.
const TEXTS = [
  '\u001b[2J',
  'a\u001b]0;title\u0007b',
  "it's\r",
  '\rx',
  'a\u007fb\u0085c\u009b',
  'x\u202eevil\u202c',
  '\u2066y',
  'z\u200b',
  "'\u001b'",
  'tab\there\nnewline',
  '€ é',
];

/** True when the script holds a character a terminal or a reader would not show as itself. */
const hasRaw = (s: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f]/.test(s);

describe('a text as one shell word (shWord)', () => {
  it.each(TEXTS)('%j reaches the program as itself, with no raw control character in the script', (text) => {
    const word = shWord([text]);
    expect(hasRaw(word), word).toBe(false);
    for (const shell of shells) expect(argOf(shell, word), shell).toBe(text);
  });

  it('is an empty argument, not no argument, for an empty text', () => {
    for (const t of [[], ['']] as Text[])
      for (const shell of shells) {
        const out = run(shell, `set -- ${shWord(t)}; printf '%s|%s' "$#" "$1"`);
        expect(out.stdout.toString(), shell).toBe('1|');
      }
  });

  it("reads a placeholder's value as data, never as shell code, the literals around it kept", () => {
    const value = '$(echo ran) `echo ran` * \' " \\ ${HOME}';
    const word = shWord(['a\u001b', { ref: 'WHY403_X' }, "'b"]);
    for (const shell of shells) expect(argOf(shell, word, { WHY403_X: value }), shell).toBe(`a\u001b${value}'b`);
  });
});

describe('body bytes as a printf command (printfCommand)', () => {
  const every = Uint8Array.from({ length: 256 }, (_, i) => i);
  const cases: [string, Uint8Array][] = [
    ['every byte value', every],
    ['a leading dash (printf would read an option)', new TextEncoder().encode('-v x %s %d \\n')],
    ['a leading dash then NUL', Uint8Array.from([0x2d, 0x2d, 0, 0x27])],
    ['no bytes', new Uint8Array(0)],
  ];

  it.each(cases)('%s: the pipe carries exactly those bytes', (_name, bytes) => {
    const cmd = printfCommand([bytes]);
    expect(hasRaw(cmd), cmd).toBe(false);
    for (const shell of shells) {
      const out = run(shell, cmd);
      expect(out.code, `${shell}: ${out.stderr}`).toBe(0);
      expect(Buffer.from(out.stdout).equals(Buffer.from(bytes)), shell).toBe(true);
    }
  });

  it("writes a placeholder's value as it is, even one holding printf's own % and backslash", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const cmd = printfCommand([enc('a='), { ref: 'WHY403_B' }, enc('&\n')]);
    for (const shell of shells) {
      const out = run(shell, cmd, { WHY403_B: '%s %d \\n \\0 $(echo ran)' });
      expect(out.stdout.toString('utf8'), shell).toBe('a=%s %d \\n \\0 $(echo ran)&\n');
    }
  });
});

describe('the guard before a redacted command (shGuard)', () => {
  const guard = `${shGuard(['WHY403_A', 'WHY403_B'])} && echo sent`;

  it('stops the command and names the variable to set when one is unset or empty', () => {
    for (const shell of shells)
      for (const env of [{ WHY403_A: 'x' }, { WHY403_A: 'x', WHY403_B: '' }] as Record<string, string>[]) {
        const out = run(shell, guard, env);
        expect(out.code, shell).not.toBe(0);
        expect(out.stdout.toString(), shell).toBe('');
        expect(out.stderr, shell).toMatch(/set WHY403_B first/);
      }
  });

  it('lets the command run once every variable is set', () => {
    for (const shell of shells) {
      const out = run(shell, guard, { WHY403_A: 'x', WHY403_B: '$(echo no)' });
      expect(out.code, shell).toBe(0);
      expect(out.stdout.toString(), shell).toBe('sent\n');
    }
  });
});
