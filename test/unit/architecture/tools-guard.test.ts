import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test` leaves out the export tests whose program (curl, dash, zsh, HTTPie) a machine cannot have
// (test/support/tools.ts); a test file that runs one without asking hasTool fails a newcomer's run instead.
// This finds the files that run them: a shell path, curl by name, or an HTTPie script handed to a shell.
const RUNS_A_TOOL = [/['"]\/usr\/bin\/(?:zsh|dash)['"]/, /\brun\(\s*['"]curl['"]/, /\bexec\(\s*['"]curl['"]/];
const HTTPIE_SCRIPT = /\b(?:toHttpie|renderHttpie)\(/;
const SHELL_RUN = /\brun\(\s*(?:['"]\/bin\/bash['"]|shell)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('tests that run curl, dash, zsh or HTTPie ask whether the machine has it', () => {
  const offenders = files('test/unit').filter((path) => {
    const text = readFileSync(path, 'utf8');
    const runs = RUNS_A_TOOL.some((re) => re.test(text)) || (HTTPIE_SCRIPT.test(text) && SHELL_RUN.test(text));
    return runs && !/\bhasTool\b/.test(text);
  });

  it('every such file uses hasTool', () => {
    expect(offenders).toEqual([]);
  });

  it('finds what it looks for (the exec tests it must see are among the files that run a tool)', () => {
    const seen = files('test/unit').filter((path) => {
      const text = readFileSync(path, 'utf8');
      return RUNS_A_TOOL.some((re) => re.test(text)) || (HTTPIE_SCRIPT.test(text) && SHELL_RUN.test(text));
    });
    for (const name of ['httpie-exec.test.ts', 'curl-exec.test.ts', 'httpie-edges-exec.test.ts', 'runners.ts'])
      expect(
        seen.some((p) => p.endsWith(name)),
        name,
      ).toBe(true);
  });
});
