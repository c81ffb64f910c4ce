// A word the curl export writes bare or quoted (the method, option values) reaches the shell as
// exactly the captured text, whatever it holds: run for real by bash, dash and zsh, never by a
// model of them. A method with backticks or `$(…)` must not run a command (issue 22).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shBare, shSingle } from '../../../lib/export/posix';

const HOSTILE = [
  'GE`id`T',
  'GET$(id)',
  'GET;id',
  'GET|id',
  'GET&&id',
  'GET id',
  "GET'x",
  'GET"x',
  'GET\\x',
  'GET*',
  'GET?',
  'GE[T]',
  '~GET',
  '#GET',
  'GET!x',
  'GET{a,b}',
  'GET>out',
  'GET<in',
  '$HOME',
  'GET\nid',
  "''",
  '',
];

const shells = ['bash', 'dash', 'zsh'].filter((sh) => {
  try {
    execFileSync(sh, ['-c', 'true']);
    return true;
  } catch {
    return false;
  }
});

function echoed(shell: string, word: string): string {
  // printf %s prints its argument as the shell parsed it; a run command would add output.
  return execFileSync(shell, ['-c', `printf %s ${word}`], { encoding: 'utf8', env: { PATH: process.env.PATH } });
}

describe('shell words in exports', () => {
  it('has at least bash to run them', () => {
    expect(shells).toContain('bash');
  });

  it.each(HOSTILE)('%j reaches the shell as itself, bare or quoted', (word) => {
    for (const shell of shells) {
      expect(echoed(shell, shBare(word)), shell).toBe(word);
      expect(echoed(shell, shSingle(word)), shell).toBe(word);
    }
  });

  it('leaves plain methods and option values bare, so the command reads as people write it', () => {
    for (const word of ['GET', 'PATCH', 'M-SEARCH', 'a.b/c:d=e@f%g+h_i']) expect(shBare(word)).toBe(word);
  });
});
