/** Low-level readers for rate-limit header values. All total: bad input gives undefined. */

export interface ResetValue {
  /** When the window resets (ms since epoch), when it can be known. */
  at?: number;
  /** How long until it resets (ms), relative to the clock. */
  in?: number;
  form: 'delta' | 'epoch' | 'date' | 'duration';
}

const NUM = /^\s*-?\d+(\.\d+)?\s*$/;

export function num(value: string | undefined): number | undefined {
  if (value === undefined || !NUM.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Go-style durations OpenAI and Groq send in x-ratelimit-reset-*: "1s", "6m0s", "20ms", "1h2m3.5s". */
export function parseDuration(value: string): number | undefined {
  const v = value.trim();
  // Real durations are a few characters; a long digit run would only make the match slow.
  if (v.length > 64) return undefined;
  if (!/^(\d+(\.\d+)?(ms|us|µs|ns|h|m|s|d))+$/.test(v)) return undefined;
  let ms = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s|d)/g)) {
    const n = Number(m[1]);
    const unit = m[2]!;
    ms +=
      unit === 'd'
        ? n * 86_400_000
        : unit === 'h'
          ? n * 3_600_000
          : unit === 'm'
            ? n * 60_000
            : unit === 's'
              ? n * 1000
              : unit === 'ms'
                ? n
                : n / 1000;
  }
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A reset value: delta-seconds (IETF RateLimit, most gateways), epoch seconds (GitHub,
 * Twitter/X, Discord) or epoch ms, a Go duration (OpenAI) or a date (Anthropic: RFC 3339).
 * Numbers are told apart by size: no delta is 30 years long.
 */
export function parseReset(value: string | undefined, clock: number | null, deltaOnly = false): ResetValue | undefined {
  if (value === undefined) return undefined;
  const n = num(value);
  if (n !== undefined) {
    if (deltaOnly || n < 1e9) return { in: n * 1000, at: clock !== null ? clock + n * 1000 : undefined, form: 'delta' };
    const at = n >= 1e12 ? n : n * 1000;
    return { at, in: clock !== null ? at - clock : undefined, form: 'epoch' };
  }
  const d = parseDuration(value);
  if (d !== undefined) return { in: d, at: clock !== null ? clock + d : undefined, form: 'duration' };
  if (/\d{4}|GMT|UTC|Z$/i.test(value)) {
    const at = Date.parse(value.trim());
    if (Number.isFinite(at)) return { at, in: clock !== null ? at - clock : undefined, form: 'date' };
  }
  return undefined;
}

export interface RetryAfter {
  ms: number;
  form: 'seconds' | 'date' | 'ms';
  raw: string;
}

/** RFC 9110 §10.2.3: delta-seconds or an HTTP-date, the date read against the response's Date. */
export function parseRetryAfter(value: string | undefined, clock: number | null): RetryAfter | undefined {
  if (value === undefined) return undefined;
  const raw = value.trim().slice(0, 100);
  const n = num(raw);
  if (n !== undefined) return n >= 0 ? { ms: n * 1000, form: 'seconds', raw } : undefined;
  const at = Date.parse(raw);
  if (Number.isFinite(at) && clock !== null && /[A-Za-z]/.test(raw))
    return { ms: Math.max(0, at - clock), form: 'date', raw };
  return undefined;
}

/** One member of a structured-field list: a bare item (token, string, number) with params. */
export interface SfItem {
  value: string;
  params: Record<string, string>;
}

/** Splits on commas outside double quotes. */
function splitTop(value: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < value.length && i < 8192; i++) {
    const c = value[i]!;
    if (c === '"' && value[i - 1] !== '\\') inQ = !inQ;
    if (c === sep && !inQ) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter(Boolean);
}

const unquote = (v: string) => v.trim().replace(/^"([\s\S]*)"$/, '$1');

/**
 * Reads RFC 8941-ish lists as the rate-limit drafts use them: `"default";r=0;t=30` (draft 8+),
 * `100;w=60` (policy, older drafts) and the dictionary `limit=100, remaining=0, reset=30`
 * (draft 7), which comes back as one item per key with the value in `value`.
 */
export function parseSfList(value: string): SfItem[] {
  return splitTop(value, ',').map((member) => {
    const [head = '', ...rest] = splitTop(member, ';');
    // Null prototype: parameter names are the server's, `constructor` included.
    const params: Record<string, string> = Object.create(null);
    for (const p of rest) {
      const eq = p.indexOf('=');
      const k = (eq === -1 ? p : p.slice(0, eq)).trim().toLowerCase();
      if (k && !(k in params)) params[k] = eq === -1 ? '?1' : unquote(p.slice(eq + 1));
    }
    const eq = head.indexOf('=');
    if (eq > 0 && !head.startsWith('"'))
      return { value: unquote(head.slice(eq + 1)), params: { ...params, key: head.slice(0, eq).trim().toLowerCase() } };
    return { value: unquote(head), params };
  });
}
