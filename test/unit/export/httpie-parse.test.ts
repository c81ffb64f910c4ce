// HTTPie is not installed here: each export is run by bash and dash with `http` replaced by a
// function that records its argv and stdin, which are then read by HTTPie's item rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toHttpie } from '../../../lib/export';
import { casesFor, entryFor, expectedFor, run, tempFile } from './corpus';
import { parseItem, readHttpie } from './httpie-sim';

const ORIGIN = 'http://127.0.0.1:9';

async function capture(shell: string, script: string) {
  const args = tempFile('', 'args');
  const stdin = tempFile('', 'stdin');
  const stub = `http() { printf '%s\\0' "$@" > '${args}'; cat > '${stdin}'; }\n`;
  const r = await run(shell, [tempFile(stub + script, 'sh')]);
  if (r.code !== 0) throw new Error(`${shell} exited ${r.code}: ${r.stderr}`);
  const argv = readFileSync(args, 'latin1')
    .split('\0')
    .slice(0, -1)
    .map((a) => Buffer.from(a, 'latin1').toString('utf8'));
  return readHttpie(argv, readFileSync(stdin));
}

describe('the HTTPie item model', () => {
  it('reads items as HTTPie documents them', () => {
    expect(parseItem('X-A:b')).toEqual({ key: 'X-A', sep: ':', value: 'b' });
    expect(parseItem('X-A:=1')).toMatchObject({ sep: ':=' });
    expect(parseItem('X-A:\\=1')).toEqual({ key: 'X-A', sep: ':', value: '=1' });
    expect(parseItem('X-A:@f')).toMatchObject({ sep: ':@' });
    expect(parseItem('X-A;')).toEqual({ key: 'X-A', sep: ';', value: '' });
    expect(parseItem('q==1')).toMatchObject({ sep: '==' });
  });
});

describe.each(['/bin/bash', '/usr/bin/dash'])('httpie export read back (%s)', (shell) => {
  it.each(casesFor('httpie').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const entry = entryFor(c, ORIGIN);
    const got = await capture(shell, toHttpie(entry, { index: 0 }));
    const exp = expectedFor(c, entry, 'curl');
    expect(got.method).toBe(exp.method);
    expect(got.url).toBe(entry.request.url);
    expect(got.headers.map((h) => `${h.name}: ${h.value}`)).toEqual(
      exp.headers.map((h) => `${h.name}: ${h.value.toString('utf8')}`),
    );
    for (const n of got.unset) expect(exp.headers.map((h) => h.name.toLowerCase())).not.toContain(n.toLowerCase());
    expect(got.body?.toString('hex') ?? null).toBe(exp.body?.toString('hex') ?? null);
  });
});
