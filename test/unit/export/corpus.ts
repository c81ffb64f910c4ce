// Shared by the export tests: the hostile corpus, the request each exporter must produce,
// and the byte-for-byte comparison with what the echo server received.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { HarEntry, HarRequest } from '../../../lib/har/types';
import { isForbiddenHeader } from '../../../lib/replay/forbidden';
import type { Received } from '../../support/echo-server';

export interface Case {
  name: string;
  why: string;
  only?: string[];
  request: HarRequest;
  repeatBody?: { unit: string; times: number };
  expectBody?: string;
}

const FILE = join(import.meta.dirname, '..', '..', 'fixtures', 'export', 'hostile-requests.json');
export const CASES: Case[] = (JSON.parse(readFileSync(FILE, 'utf8')) as { cases: Case[] }).cases;

export function casesFor(exporter: string): Case[] {
  return CASES.filter((c) => !c.only || c.only.includes(exporter));
}

/** The case as a HAR entry whose URL points at the echo server (path and query kept raw). */
export function entryFor(c: Case, origin: string): HarEntry {
  const request: HarRequest = JSON.parse(JSON.stringify(c.request));
  request.url = origin + rawTarget(request.url);
  if (c.repeatBody && request.postData) request.postData.text = c.repeatBody.unit.repeat(c.repeatBody.times);
  return {
    startedDateTime: '2026-11-21T12:00:00.000Z',
    time: 1,
    request,
    response: {
      status: 401,
      statusText: '',
      httpVersion: 'HTTP/2.0',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    timings: {},
  } as HarEntry;
}

/** Path and query exactly as in the URL string: after the authority, before any fragment. */
export function rawTarget(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
  const t = m ? m[1]! : url;
  return t === '' ? '/' : t;
}

export interface Expected {
  method: string;
  target: string;
  headers: { name: string; value: Buffer }[];
  body: Buffer | null;
}

const HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'content-length',
]);

/** What the server must see, derived from the HAR independently of the exporter code. */
export function expectedFor(c: Pick<Case, 'expectBody'>, entry: HarEntry, kind: 'curl' | 'node' | 'fetch'): Expected {
  const urlHost = new URL(entry.request.url).host;
  let headers: Expected['headers'] = entry.request.headers
    .filter((h) => !h.name.startsWith(':') && !HOP.has(h.name.toLowerCase()))
    .filter((h) => !(h.name.toLowerCase() === 'host' && (kind !== 'curl' || h.value === urlHost)))
    .map((h) => ({ name: h.name, value: Buffer.from(h.value, 'utf8') }));
  if (kind === 'fetch') headers = headers.filter((h) => !isForbiddenHeader(h.name));
  if (kind !== 'curl') headers = merge(headers.filter((h) => h.name.toLowerCase() !== 'expect'));
  const post = entry.request.postData;
  let body: Buffer | null = null;
  if (c.expectBody !== undefined) body = Buffer.from(c.expectBody, 'utf8');
  else if (post && typeof post.text === 'string')
    body =
      (post.encoding ?? post._encoding) === 'base64'
        ? Buffer.from(post.text, 'base64')
        : Buffer.from(post.text, 'utf8');
  const method = entry.request.method;
  if (kind !== 'curl' && (method === 'GET' || method === 'HEAD')) body = null;
  const target =
    kind === 'curl'
      ? rawTarget(entry.request.url)
      : new URL(entry.request.url).pathname + new URL(entry.request.url).search;
  return { method, target, headers, body };
}

/** fetch() joins a repeated header into one line, ", " between values. */
function merge(headers: Expected['headers']): Expected['headers'] {
  const out: Expected['headers'] = [];
  for (const h of headers) {
    const prev = out.find((o) => o.name.toLowerCase() === h.name.toLowerCase());
    if (prev) prev.value = Buffer.concat([prev.value, Buffer.from(', '), h.value]);
    else out.push({ ...h });
  }
  return out;
}

// Headers a client adds on its own; allowed only when the HAR did not have them.
export const CLIENT_EXTRAS = {
  curl: new Set(['host', 'content-length']),
  node: new Set([
    'host',
    'connection',
    'content-length',
    'accept',
    'accept-language',
    'sec-fetch-mode',
    'user-agent',
    'accept-encoding',
  ]),
} as const;

/** Asserts method, target, headers and body are byte-for-byte what the HAR held. */
export function assertSame(
  got: Received | undefined,
  exp: Expected,
  extras: ReadonlySet<string>,
  ordered: boolean,
): void {
  expect(got, 'the server received no request').toBeDefined();
  const r = got!;
  expect(r.method).toBe(exp.method);
  expect(r.target).toBe(exp.target);
  const expectedNames = new Set(exp.headers.map((h) => h.name.toLowerCase()));
  const mine = r.headers.filter((h) => expectedNames.has(h.name.toLowerCase()) || !extras.has(h.name.toLowerCase()));
  const show = (list: Expected['headers']) => list.map((h) => `${h.name}: ${h.value.toString('hex')}`);
  const sort = (list: string[]) => (ordered ? list : [...list].sort());
  expect(sort(show(mine))).toEqual(sort(show(exp.headers)));
  if (exp.body === null) {
    expect(r.body.length).toBe(0);
    expect(r.headers.some((h) => h.name.toLowerCase() === 'transfer-encoding')).toBe(false);
  } else expect(r.body.toString('hex')).toBe(exp.body.toString('hex'));
}

const dir = mkdtempSync(join(tmpdir(), 'why403-export-'));
let n = 0;

/** Writes `text` to a fresh temporary file and returns its path. */
export function tempFile(text: string | Buffer, ext: string): string {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

/** Runs a program asynchronously (the echo server lives in this process and must answer). */
export function run(
  file: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: Buffer | string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...opts.env }, maxBuffer: 64 * 1024 * 1024, timeout: 15000 },
      (err, stdout, stderr) => {
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
        });
      },
    );
    // A program may exit without reading its input; that is its answer, not a test crash.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(opts.input ?? '');
  });
}
