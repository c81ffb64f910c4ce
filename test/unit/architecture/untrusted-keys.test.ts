// The lint rule that keeps untrusted keys out of plain objects (eslint.config.js, noPlainLookups):
// it must flag each pattern in lib/ and cli/, and accept the Map and null-prototype forms.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function flagged(code: string, file = 'lib/har/example.ts'): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

describe('no plain-object lookups by string keys', () => {
  it.each([
    ['a string-keyed Record literal', "export const T: Record<string, string> = { a: 'b' };"],
    ['a Readonly one', 'export const T: Readonly<Record<string, number>> = { a: 1 };'],
    ['an index signature', 'export const T: { [k: string]: number } = {};'],
    ['key in TABLE', "const TABLE = new Set(['a']);\nexport const f = (k: string) => k in TABLE;"],
  ])('flags %s', async (_name, code) => {
    expect(await flagged(code)).toBe(1);
    expect(await flagged(code, 'cli/example.ts')).toBe(1);
  });

  it.each([
    ['a Map', "export const T = new Map<string, string>([['a', 'b']]);"],
    ['a null-prototype object', 'export const T: Record<string, string> = Object.create(null);'],
    ['a table keyed by a closed union', "export const T: Record<'a' | 'b', number> = { a: 1, b: 2 };"],
  ])('accepts %s', async (_name, code) => {
    expect(await flagged(code)).toBe(0);
  });
});
