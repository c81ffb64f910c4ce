// A redacted HTTPie export reads each secret from the environment when it runs, so the value
// is only known then: the script's own checks must stop it, sending nothing, when HTTPie would
// change that value (in a header: a backslash it reads as an escape, a leading = or @ it reads
// as item syntax, whitespace it strips; in the URL: anything requests would re-encode), and
// must let every other value through exactly. Run by bash with the real HTTPie against a raw
// echo server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTool } from '../../support/tools';
import { renderHttpie } from '../../../lib/export/httpie';
import type { ExportRequest } from '../../../lib/export/types';
import type { Text } from '../../../lib/redact';
import type { EchoServer } from '../../support/echo-server';
import { startRawEchoServer } from '../../support/raw-echo-server';
import { run, tempFile } from './corpus';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(() => echo.close());

const secret = (name: string) => ({ name, kind: 'token' as const, places: ['test'], length: 8, note: 'a token' });

/** A GET whose header X-Key and/or query value k are the secret S. */
function request(inHeader: boolean, inUrl: boolean): ExportRequest {
  const url: Text = inUrl ? [`${echo.origin}/p?k=`, { ref: 'WHY403_S' }] : [`${echo.origin}/p`];
  return {
    method: 'GET',
    url,
    headers: inHeader ? [{ name: 'X-Key', value: [{ ref: 'WHY403_S' }] }] : [],
    body: null,
    dropped: [],
    notes: [],
    secrets: [secret('WHY403_S')],
    redacted: true,
    refused: [],
  };
}

async function runWith(req: ExportRequest, value: string) {
  echo.reset();
  const script = renderHttpie(req);
  return run('/bin/bash', [tempFile(script, 'sh')], { env: { HOME: '/nonexistent', WHY403_S: value } });
}

async function expectStopped(req: ExportRequest, value: string) {
  const r = await runWith(req, value);
  expect(r.code, `${JSON.stringify(value)} ran`).not.toBe(0);
  expect(r.stderr).toContain('why403: WHY403_S holds text HTTPie would change; use the curl export');
  expect(echo.received).toHaveLength(0);
}

describe.skipIf(!hasTool('httpie'))('a secret in a header', () => {
  it.each(['a\\b', '\\', '=x', '@x', ' x', 'x ', '\tx', 'x\t'])('%j stops the command', async (v) => {
    await expectStopped(request(true, false), v);
  });

  it.each(['A1b2', 'a=b@c', 'a b', 'a%20b?&'])('%j is sent exactly', async (v) => {
    const r = await runWith(request(true, false), v);
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received).toHaveLength(1);
    const got = echo.received[0]!.headers.filter((h) => h.name.toLowerCase() === 'x-key');
    expect(got.map((h) => h.value.toString('latin1'))).toEqual([v]);
  });
});

describe.skipIf(!hasTool('httpie'))('a secret in the URL', () => {
  it.each(['a b', 'a%41', 'a?b', 'a&b', 'a#b', 'é', '\\'])('%j stops the command', async (v) => {
    await expectStopped(request(false, true), v);
  });

  it.each(['Az09._~+/=-', '=x'])('%j is sent exactly', async (v) => {
    const r = await runWith(request(false, true), v);
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received.map((x) => x.target)).toEqual([`/p?k=${v}`]);
  });
});

describe.skipIf(!hasTool('httpie'))('a secret in both', () => {
  it('is held to both sets of rules', async () => {
    await expectStopped(request(true, true), '=x');
    await expectStopped(request(true, true), 'a%41');
    const r = await runWith(request(true, true), 'ok-1');
    expect(r.code, r.stderr).toBe(0);
    expect(echo.received.map((x) => x.target)).toEqual(['/p?k=ok-1']);
  });

  it('an unset variable stops the command before anything is sent', async () => {
    echo.reset();
    const r = await run('/bin/bash', [tempFile(renderHttpie(request(true, true)), 'sh')], {
      env: { HOME: '/nonexistent' },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/set WHY403_S first/);
    expect(echo.received).toHaveLength(0);
  });
});
