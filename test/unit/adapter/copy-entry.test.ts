import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyEntry } from '../../../entrypoints/devtools-panel/adapter';

// Real entries from a Chrome 156 DevTools capture (test/fixtures/har/chrome156-cors.har).
const har = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/har/chrome156-cors.har'), 'utf8')) as {
  log: { entries: object[] };
};
const entries = har.log.entries;

/** DevTools' own shape: the fields own and enumerable, getContent on the prototype. */
function asDevtools(entry: object): object {
  const proto = { getContent: (cb: (text: string, encoding: string) => void) => cb('', '') };
  return Object.assign(Object.create(proto), structuredClone(entry));
}

/**
 * The shape webextension-polyfill 0.12 hands an onRequestFinished listener in Chromium 150
 * (browser-polyfill.js, wrapObject): a Proxy whose target is Object.create(entry), so the
 * fields are readable but none is an own key.
 */
function asPolyfillProxy(entry: object): object {
  return new Proxy(Object.create(entry), {
    get: (_target, prop) => (entry as Record<PropertyKey, unknown>)[prop],
    has: (_target, prop) => prop in entry,
  });
}

describe('copyEntry', () => {
  it.each(entries.map((e, i) => [i, e] as const))('copies entry %i whole from DevTools', (_i, entry) => {
    expect(copyEntry(asDevtools(entry))).toEqual(entry);
  });

  it.each(entries.map((e, i) => [i, e] as const))('copies entry %i whole through the wrapper', (_i, entry) => {
    const copy = copyEntry(asPolyfillProxy(asDevtools(entry)));
    expect(copy).toEqual(entry);
    expect(copy.request.url).toMatch(/^https?:\/\//);
  });

  it('keeps no function and no link to the live object', () => {
    expect(entries.length).toBeGreaterThan(0);
    const live = asDevtools(entries[0] as object) as { request: { url: string } };
    const copy = copyEntry(live);
    expect(Object.values(copy).some((v) => typeof v === 'function')).toBe(false);
    live.request.url = 'http://changed.invalid/';
    expect(copy.request.url).not.toBe('http://changed.invalid/');
  });

  it('keeps what JSON would keep of odd values, and survives a cycle', () => {
    const odd = { a: [1, () => 2, NaN, undefined, 'x'], b: Infinity, c: { d: null, f: () => 0 }, g: undefined };
    expect(copyEntry(odd)).toEqual(JSON.parse(JSON.stringify(odd)));
    const cyclic: Record<string, unknown> = { request: { url: 'https://a.example/' } };
    cyclic.self = cyclic;
    const copy = copyEntry(cyclic) as unknown as { request: { url: string } };
    expect(copy.request.url).toBe('https://a.example/');
  });
});
