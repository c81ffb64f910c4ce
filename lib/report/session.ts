import type { EntryDiagnosis } from '../core/causes';
import type { LogIndex } from '../core/log-index';
import { diagnoseExchange } from '../diagnose/diagnose';
import { isFlagged } from '../diagnose/flag';
import { decodeJwt, looksLikeJwt, type Jwt } from '../inspect/jwt';
import { clip } from '../inspect/mask';
import { readRateLimit } from '../inspect/rate-limit';
import { askedWait, readRetries } from '../inspect/retries';
import { describeDuration, isoMs, isoSeconds } from '../inspect/token-timing';
import type { Exchange } from '../model/exchange';
import type { SessionOrigin, SessionRateLimit, SessionToken } from './session-model';
import { absoluteText, sessionSentences } from './session-text';

export type { SessionOrigin, SessionRateLimit, SessionToken } from './session-model';

/**
 * What the caller already knows of an exchange: its diagnosis, `null` when it is known not to be
 * flagged (the panel keeps diagnoses of flagged entries only, and knows the rest from its rows),
 * or undefined to have it read here.
 */
type DiagnosisOf = (x: Exchange) => EntryDiagnosis | null | undefined;

const when = (x: Exchange) => (x.startedAt !== null ? isoMs(x.startedAt) : `entry #${x.index}`);
/** `ms` only when known: the sentence then says when. */
const msOf = (x: Exchange): { ms?: number } => (x.startedAt !== null ? { ms: x.startedAt } : {});

/**
 * An exp further than this past iat (or past the first use) is no expiry in practice: access
 * tokens live minutes to hours, refresh tokens weeks to months (RFC 6749 §1.5 leaves it to the
 * issuer). Saying "lifetime 75 years" only adds noise.
 */
const NEVER_EXPIRES_MS = 366 * 24 * 3600 * 1000;
const pathOf = (x: Exchange) => clip(x.url ? x.url.pathname : x.rawUrl, 80);

/**
 * The bearer JWT an exchange sent, decoded. `decoded` memoises by token: a session sends the
 * same token in thousands of calls, and decoding each again was most of the session account's
 * time on a 20,000-entry capture (issue 19).
 */
function bearerJwt(x: Exchange, decoded?: Map<string, Jwt | null>): Jwt | null {
  const auth = x.req.get('authorization')?.trim() ?? '';
  const token = auth.replace(/^bearer\s+/i, '');
  if (token === auth) return null;
  const known = decoded?.get(token);
  if (known !== undefined) return known;
  const d = looksLikeJwt(token) ? decodeJwt(token) : null;
  const jwt = d?.ok ? d.jwt : null;
  decoded?.set(token, jwt);
  return jwt;
}

function tokenKey(j: Jwt): string {
  return [j.iss, j.sub, j.iat, j.exp, j.nbf].map((v) => String(v ?? '')).join('|');
}

function fingerprint(value: string): string {
  // FNV-1a: tells two values apart without showing either.
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

function credentialMap(x: Exchange): Map<string, string> {
  const m = new Map<string, string>();
  const auth = x.req.get('authorization');
  if (auth !== undefined) m.set(`Authorization (${clip(auth.trim().split(/\s+/)[0] ?? '', 20)})`, fingerprint(auth));
  for (const name of x.req.names())
    if (/api[-_]?key|subscription-key|^apikey$|x-auth-token|x-csrf-token|x-xsrf-token/i.test(name))
      m.set(`header ${name}`, fingerprint(x.req.get(name) ?? ''));
  for (const part of x.req.getAll('cookie').join(';').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) m.set(`cookie "${clip(part.slice(0, eq).trim(), 40)}"`, fingerprint(part.slice(eq + 1).trim()));
  }
  return m;
}

export function credentialChanges(ok: Exchange, bad: Exchange): string[] {
  const a = credentialMap(ok);
  const b = credentialMap(bad);
  const out: string[] = [];
  for (const [k, v] of a) {
    if (!b.has(k)) out.push(`${k} was sent before and not in the failing call`);
    else if (b.get(k) !== v) out.push(`${k} changed value`);
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(`${k} appeared in the failing call`);
  const ja = bearerJwt(ok);
  const jb = bearerJwt(bad);
  if (
    ja &&
    jb &&
    tokenKey(ja) === tokenKey(jb) &&
    jb.exp !== undefined &&
    bad.clock !== null &&
    jb.exp * 1000 <= bad.clock
  )
    out.push(`the same bearer token was sent, and it expired at ${isoSeconds(jb.exp)} in between`);
  return out.slice(0, 12);
}

/** Calls read between two pauses of a stepped build (buildSessionSteps). */
const STEP = 512;

function* tokensOf(xs: Exchange[]): Generator<void, SessionToken[]> {
  const byKey = new Map<string, { jwt: Jwt; uses: Exchange[] }>();
  const decoded = new Map<string, Jwt | null>();
  let read = 0;
  for (const x of xs) {
    if (++read % STEP === 0) yield;
    const j = bearerJwt(x, decoded);
    if (!j) continue;
    const k = tokenKey(j);
    const t = byKey.get(k) ?? { jwt: j, uses: [] };
    t.uses.push(x);
    byKey.set(k, t);
  }
  let n = 0;
  return [...byKey.values()].slice(0, 8).map(({ jwt, uses }) => {
    n++;
    const who = [jwt.sub ? `sub ${clip(jwt.sub, 40)}` : '', jwt.iss ? `iss ${clip(jwt.iss, 60)}` : ''].filter(Boolean);
    const after = uses.filter((x) => jwt.exp !== undefined && x.clock !== null && x.clock >= jwt.exp * 1000);
    const t: SessionToken = {
      label: `token ${n}${who.length ? ` (${who.join(', ')})` : ''}`,
      calls: uses.length,
      callsAfterExpiry: after.length,
    };
    if (jwt.iat !== undefined) t.issuedAt = isoSeconds(jwt.iat);
    const expMs = jwt.exp !== undefined ? jwt.exp * 1000 : NaN;
    const from = jwt.iat !== undefined ? jwt.iat * 1000 : (uses[0]!.clock ?? NaN);
    const expires = Number.isFinite(expMs) && !(expMs - from > NEVER_EXPIRES_MS);
    if (expires) {
      t.expiresAt = isoSeconds(jwt.exp!);
      t.expiresMs = expMs;
      if (jwt.iat !== undefined) t.lifetime = describeDuration((jwt.exp! - jwt.iat) * 1000);
    }
    t.firstUsed = when(uses[0]!);
    t.lastUsed = when(uses[uses.length - 1]!);
    if (after[0] && expires)
      t.firstUseAfterExpiry = { index: after[0].index, at: when(after[0]), ...msOf(after[0]), status: after[0].status };
    if (!expires) t.callsAfterExpiry = 0;
    return t;
  });
}

function* rateLimitsOf(log: LogIndex, xs: Exchange[]): Generator<void, SessionRateLimit[]> {
  const byName = new Map<string, SessionRateLimit>();
  const get = (name: string): SessionRateLimit & { longestMs?: number } => {
    let r = byName.get(name);
    if (!r) byName.set(name, (r = { name, askedToWait: 0, retriedTooSoon: 0, waitedAsTold: 0, hammered: 0 }));
    return r;
  };
  let read = 0;
  for (const x of xs) {
    if (++read % STEP === 0) yield;
    const reading = readRateLimit(x);
    for (const w of reading.windows) {
      const r = get(`${w.family} ${w.name}`.replace(/ default$/, ''));
      if (w.limit !== undefined) r.limit = w.limit;
      if (w.remaining !== undefined && (r.lowestRemaining === undefined || w.remaining < r.lowestRemaining))
        r.lowestRemaining = w.remaining;
      if (w.remaining !== undefined && w.remaining <= 0 && !r.exhaustedAt)
        r.exhaustedAt = { index: x.index, at: when(x), ...msOf(x) };
    }
    if (reading.retryAfter || reading.exhausted.length > 0 || x.status === 429) {
      const r = get(
        reading.windows[0]
          ? `${reading.windows[0].family} ${reading.windows[0].name}`.replace(/ default$/, '')
          : 'Retry-After',
      );
      const wait = askedWait(x);
      if (wait) {
        r.askedToWait++;
        if (!r.longestMs || wait.ms > r.longestMs) Object.assign(r, { longestMs: wait.ms, longestWait: wait.quote });
      }
      const retry = readRetries(log, x);
      if (retry.storm === 'too-soon') r.retriedTooSoon++;
      else if (retry.storm === 'hammering') r.hammered++;
      else if (retry.honoured) r.waitedAsTold++;
    }
  }
  return [...byName.values()]
    .filter((r) => r.askedToWait > 0 || r.exhaustedAt || r.retriedTooSoon || r.hammered)
    .slice(0, 6);
}

/** The session account for every origin that refused something, in order of the first refusal. */
export function buildSession(log: LogIndex, diagnosisOf?: DiagnosisOf): SessionOrigin[] {
  const steps = buildSessionSteps(log, diagnosisOf);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * buildSession in steps: it pauses (yields) every few hundred calls read, so a panel holding
 * 20,000 entries builds the account across several short tasks instead of one long one that
 * would freeze it (issue 19). The result is the generator's return value.
 */
export function* buildSessionSteps(log: LogIndex, diagnosisOf?: DiagnosisOf): Generator<void, SessionOrigin[]> {
  const byOrigin = new Map<string, Exchange[]>();
  const xs = log.exchanges
    .filter((x) => !x.isPreflight && x.url)
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0) || a.index - b.index);
  for (const x of xs) {
    const list = byOrigin.get(x.url!.origin);
    if (list) list.push(x);
    else byOrigin.set(x.url!.origin, [x]);
  }
  // A loop, not Math.min(...all): a capture may hold more entries than a call has arguments.
  let captureStart: number | null = null;
  for (const x of xs)
    if (x.startedAt !== null && (captureStart === null || x.startedAt < captureStart)) captureStart = x.startedAt;
  const out: SessionOrigin[] = [];
  for (const [origin, calls] of byOrigin) {
    const diag = (x: Exchange) => {
      const known = diagnosisOf?.(x);
      if (known !== undefined) return known ?? undefined;
      return isFlagged(x) ? diagnoseExchange(log, x) : undefined;
    };
    yield;
    const refusedList = calls.filter((x) => diag(x)?.flagged ?? false);
    if (refusedList.length === 0) continue;
    const first = refusedList[0]!;
    const o: SessionOrigin = {
      origin,
      calls: calls.length,
      refused: refusedList.length,
      captureStart,
      firstRefusal: {
        index: first.index,
        at: when(first),
        ...msOf(first),
        status: first.status,
        method: first.method,
        path: pathOf(first),
        cause: diag(first)?.causes[0]?.id ?? '',
      },
      tokens: yield* tokensOf(calls),
      rateLimits: yield* rateLimitsOf(log, calls),
      credentialChanges: [],
      lines: [],
      parts: [],
    };
    const before = calls
      .slice(0, calls.indexOf(first))
      .filter((x) => x.status >= 200 && x.status < 300 && !diag(x)?.flagged);
    const ok = before[before.length - 1];
    if (ok) {
      o.lastSuccessBefore = { index: ok.index, at: when(ok), ...msOf(ok), status: ok.status };
      o.credentialChanges = credentialChanges(ok, first);
    }
    o.parts = sessionSentences(o);
    o.lines = o.parts.map(absoluteText);
    out.push(o);
  }
  return out.slice(0, 20);
}
