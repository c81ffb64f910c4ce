// Short forms for the scenario tables: the label of the last entry matching a URL part (and status).
import { createHash, createHmac } from 'node:crypto';
import type { CauseId } from '../../../lib';
import type { Scenario } from '../types';

type Expect = Scenario['expect'][number];

export function refusal(
  match: string,
  status: number | undefined,
  cause: CauseId,
  why: string,
  alternates: CauseId[] = [],
  method?: string,
): Expect {
  return {
    match,
    status,
    method,
    label: { kind: 'refusal', cause, why, ...(alternates.length ? { alternates } : {}) },
  };
}

export function quiet(match: string, status: number, why: string, method?: string): Expect {
  return { match, status, method, label: { kind: 'quiet', why } };
}

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The page origin the lab's browser scenarios run on (the lab's own page host). */
export const appPage = (port: number): string => `http://127.0.0.1:${port}/page`;

/** Loads an <img> in the page and waits until it loaded or failed (ORB, CORP…). */
export const loadImage = (src: string): string =>
  `new Promise((ok) => { const i = new Image(); i.onload = i.onerror = () => ok(0); i.src = ${JSON.stringify(src)}; document.body.append(i); })`;

/** An HS256 JWT, as any library signs one (RFC 7519). */
export function hs256(payload: Record<string, unknown>, secret: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** RFC 7616 Digest (MD5, qop=auth) computed from the server's challenge, as any HTTP client does. */
export function digest(challenge: string, method: string, uri: string, user: string, password: string): string {
  const p = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const [realm, nonce, opaque] = [p('realm'), p('nonce'), p('opaque')];
  const cnonce = 'c0ffee0123456789';
  const ha1 = md5(`${user}:${realm}:${password}`);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${md5(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${realm}", nonce="${nonce}", uri="${uri}", algorithm=MD5, qop=auth, nc=00000001, cnonce="${cnonce}", response="${response}"${opaque ? `, opaque="${opaque}"` : ''}`;
}
