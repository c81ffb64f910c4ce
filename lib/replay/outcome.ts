import { REPLAY_BODY_CAP } from './page-script';
import type { ReplayOutcome } from './types';

// What a page replay parks in the inspected page comes back through inspectedWindow.eval, and
// the page's own scripts can overwrite it: read it as untrusted data, never cast it.

// The page script already cuts the body at this size; a longer one was planted.
const MAX_BODY = REPLAY_BODY_CAP;
const MAX_HEADERS = 500;

const str = (v: unknown, max = 8192): string | null => (typeof v === 'string' ? v.slice(0, max) : null);
// Number.isFinite is false for anything that is not a number (it does not coerce).
const num = (v: unknown): number | null => (Number.isFinite(v) ? (v as number) : null);

/** A well-formed ReplayOutcome from whatever the page returned, or null when it is not one. */
export function readReplayOutcome(value: unknown): ReplayOutcome | null {
  // Only null and undefined cannot be read; any other non-object has no `kind` and ends as null below.
  if (value == null) return null;
  const o = value as Record<string, unknown>;
  const ms = num(o.ms) ?? 0;
  if (o.kind === 'response') {
    const status = num(o.status);
    if (status === null || !Array.isArray(o.headers)) return null;
    const headers: { name: string; value: string }[] = [];
    for (const h of o.headers.slice(0, MAX_HEADERS)) {
      const name = str((h as { name?: unknown } | null)?.name);
      const v = str((h as { value?: unknown } | null)?.value);
      if (name !== null && v !== null) headers.push({ name, value: v });
    }
    const body = str(o.body, MAX_BODY) ?? '';
    return {
      kind: 'response',
      status,
      statusText: str(o.statusText, 512) ?? '',
      headers,
      body,
      bodyTruncated: o.bodyTruncated === true || (typeof o.body === 'string' && o.body.length > MAX_BODY),
      ms,
    };
  }
  if (o.kind === 'network-error') {
    const netError = str(o.netError, 512);
    return {
      kind: 'network-error',
      message: str(o.message, 2048) ?? 'the request failed',
      cors: o.cors === true,
      timedOut: o.timedOut === true,
      ...(netError ? { netError } : {}),
      ms,
    };
  }
  return null;
}
