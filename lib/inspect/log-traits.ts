import type { LogIndex } from '../diagnose/log-index';

const sanitized = new WeakMap<LogIndex, boolean>();

/**
 * Chrome's default "Export HAR (sanitized)" drops Cookie, Set-Cookie and Authorization
 * headers. A log of several requests where none carries any of them may be such an export,
 * and "no credentials were sent" cannot then be read from it.
 */
export function mayBeSanitized(log: LogIndex): boolean {
  let v = sanitized.get(log);
  if (v === undefined) {
    const xs = log.exchanges;
    v = xs.length >= 3 && !xs.some((x) => x.req.has('cookie') || x.req.has('authorization') || x.res.has('set-cookie'));
    sanitized.set(log, v);
  }
  return v;
}
