// A word the curl-cmd export writes with cmdArg reaches curl.exe as exactly the captured text,
// whatever it holds: read back through cmd.exe's phases and the C runtime's argv rules (the
// model in cmd-sim.ts, as in cmd-exec.test.ts), at a prompt where the variables it names are
// set. A caret, quote or % that slipped through would run an operator or expand a variable.
import { describe, expect, it } from 'vitest';
import { cmdArg, cmdSafe } from '../../../lib/export/cmd-quote';
import type { Text } from '../../../lib/redact';
import { parseCmd } from './cmd-sim';

// Variables that exist on a real machine, named as text in the words below.
const ENV = { PATH: 'C:\\Windows', HOME: 'C:\\Users\\me', X: 'set' };

const HOSTILE = [
  'a b',
  'a"b',
  '"',
  '""',
  'a\\',
  'a\\\\',
  'a\\"b',
  'a\\\\"b',
  '\\',
  '^',
  'a^',
  'a^&b',
  '(x)',
  'a<in>out|x',
  '%PATH%',
  '%HOME%\\%X%',
  '100%',
  '%',
  '%%',
  '%%PATH%%',
  'a%"b',
  'a%^b',
  'a%&b',
  'a%(b',
  'a%\\b',
  '%PATH',
  '!PATH!',
  'a\tb',
  '',
];

/** argv[1] of `curl.exe <word>` as the program receives it. */
function received(word: string): string | undefined {
  const { pipeline } = parseCmd(`curl.exe ${word}\n`, ENV);
  expect(pipeline).toHaveLength(1);
  expect(pipeline[0]).toHaveLength(2);
  return pipeline[0]![1];
}

describe('cmd.exe words in exports', () => {
  it.each(HOSTILE)('%j reaches curl.exe as itself', (word) => {
    expect(received(cmdArg([word]))).toBe(word);
  });

  it('keeps a text made of several literals whole, backslashes before each join included', () => {
    const parts: Text = ['a\\', 'b\\"c\\', '%PATH%\\'];
    expect(received(cmdArg(parts))).toBe(parts.join(''));
  });

  it('writes a placeholder as the variable cmd expands, the literals around it kept', () => {
    expect(received(cmdArg(['a\\', { ref: 'X' }, ' "b"\\']))).toBe('a\\set "b"\\');
  });

  it('says which text cmd can carry on its command line: printable ASCII and tab only', () => {
    expect(cmdSafe('GET /a?b=c&d="e" ~\t')).toBe(true);
    expect(cmdSafe('')).toBe(true);
    for (const bad of ['a\nb', 'a\rb', 'caf\u00e9', '\u007f', '\u0000', 'a\u2028'])
      expect(cmdSafe(bad), JSON.stringify(bad)).toBe(false);
  });
});
