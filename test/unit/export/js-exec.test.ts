// The Node export run by node, and the browser fetch export run in Node's global fetch,
// against the echo server: method, target, headers and body must be the HAR's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportRequest, toFetch, toNode } from '../../../lib/export';
import { renderFetch } from '../../../lib/export/fetch';
import { renderNode } from '../../../lib/export/node';
import { Vault } from '../../../lib/redact';
import { loadPlanted } from '../redact/planted';
import { startEchoServer, type EchoServer } from '../../support/echo-server';
import { assertSame, casesFor, CLIENT_EXTRAS, entryFor, expectedFor, run, tempFile } from './corpus';

let echo: EchoServer;
beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.close());

const NODE = process.execPath;

describe('node export run by node', () => {
  it.each(casesFor('node').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const entry = entryFor(c, echo.origin);
    const script = toNode(entry, { index: 0 });
    echo.reset();
    const r = await run(NODE, [tempFile(script, 'cjs')]);
    if (r.code !== 0) throw new Error(`node exited ${r.code}: ${r.stderr}\n${script.slice(0, 3000)}`);
    expect(r.stdout).toMatch(/^200 OK/);
    assertSame(echo.received[0], expectedFor(c, entry, 'node'), CLIENT_EXTRAS.node, false);
  });
});

describe('fetch export run in Node (global fetch)', () => {
  it.each(casesFor('fetch').map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const entry = entryFor(c, echo.origin);
    const script = toFetch(entry, { index: 0 });
    echo.reset();
    const r = await run(NODE, [tempFile(script, 'cjs')]);
    if (r.code !== 0) throw new Error(`node exited ${r.code}: ${r.stderr}\n${script.slice(0, 3000)}`);
    // Node's fetch may turn `referrer` into a Referer header of its own.
    assertSame(echo.received[0], expectedFor(c, entry, 'fetch'), new Set([...CLIENT_EXTRAS.node, 'referer']), false);
  });
});

describe('redacted node and fetch exports run once their placeholders are filled', () => {
  const { har } = loadPlanted();
  const cases = har.log.entries
    .map((e, i) => [i, e] as const)
    .filter(([, e]) => e.request.method !== 'GET' || !e.request.postData);
  it.each(cases)('planted entry %i', async (_i, original) => {
    const entry = entryFor({ name: '', why: '', request: original.request }, echo.origin);
    const vault = new Vault();
    const req = buildExportRequest(entry, { redact: true, vault });
    const env = Object.fromEntries(req.secrets.map((s) => [s.name, vault.valueOf(s.name)!]));
    echo.reset();
    const r = await run(NODE, [tempFile(renderNode(req), 'cjs')], { env });
    if (r.code !== 0) throw new Error(`node exited ${r.code}: ${r.stderr}`);
    assertSame(echo.received[0], expectedFor({}, entry, 'node'), CLIENT_EXTRAS.node, false);
    // The browser version: the placeholder constants filled in by hand.
    let script = renderFetch(req);
    for (const [name, value] of Object.entries(env))
      script = script.replace(`const ${name} = "<${name}>";`, `const ${name} = ${JSON.stringify(value)};`);
    echo.reset();
    const f = await run(NODE, [tempFile(script, 'cjs')]);
    if (f.code !== 0) throw new Error(`node exited ${f.code}: ${f.stderr}`);
    assertSame(echo.received[0], expectedFor({}, entry, 'fetch'), new Set([...CLIENT_EXTRAS.node, 'referer']), false);
  });

  it('the node export stops before sending while a variable is unset', async () => {
    const entry = entryFor({ name: '', why: '', request: har.log.entries[1]!.request }, echo.origin);
    echo.reset();
    const r = await run(NODE, [tempFile(toNode(entry, { redact: true }), 'cjs')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/set WHY403_\w+ first/);
    expect(echo.received).toHaveLength(0);
  });
});
