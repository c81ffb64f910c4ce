import type { CorsFailure, CorsVerdict } from '../../../cors/types';
import type { Exchange } from '../../../model/exchange';
import { isCredentialRefusal } from '../../../core/statuses';

// The pieces the per-kind records (kinds.ts) build their sentences from.

/** Everything a kind's text may read, computed once per failure. */
export interface CorsCase {
  x: Exchange;
  v: CorsVerdict;
  f: CorsFailure;
  /** The response that failed, for titles: "the response" or "the preflight response (403)". */
  where: string;
  /** The page origin, or words for it when unknown. */
  origin: string;
  /** The paired preflight, if captured. */
  p: CorsVerdict['preflight'];
  /** The request's path, for fixes. */
  route: string;
}

export function corsCase(x: Exchange, v: CorsVerdict, f: CorsFailure): CorsCase {
  const pre = v.preflight;
  const where =
    f.stage === 'preflight'
      ? `the preflight response${pre && (pre.status < 200 || pre.status > 299) ? ` (${pre.status})` : ''}`
      : 'the response';
  // A case is built only for a verdict that applies, and CORS applies only to an http(s) URL: x.url is set.
  return { x, v, f, where, origin: v.origin ?? 'the page origin', p: pre, route: x.url!.pathname };
}

export function allowOrigin(v: CorsVerdict): string {
  return `Access-Control-Allow-Origin: ${v.origin && v.origin !== 'null' ? v.origin : '<the page origin>'}`;
}

/**
 * Union of what ACAH/ACAM already lists and what was missing, without `*`. A list the browser could not parse
 * ("GET PUT", "x-a;x-b") is read for the names it meant: split on commas, whitespace and semicolons, so the fix
 * is a list that parses.
 */
export function union(listed: string | null | undefined, add: readonly string[], lower: boolean): string {
  // Stryker disable next-line Regex: a run of separators split one at a time leaves empty items, which the filter drops
  const items = (listed ?? '').split(/[\s,;]+/).filter((s) => s && s !== '*');
  const all = [...items, ...add].map((s) => (lower ? s.toLowerCase() : s));
  return [...new Set(all)].join(', ');
}

/** The headers a working preflight answer carries, for this request. */
export function preflightLines(v: CorsVerdict): string {
  const lines = [allowOrigin(v)];
  if (!v.need.methodSafelisted) lines.push(`Access-Control-Allow-Methods: ${v.need.method}`);
  if (v.need.headers.length > 0) lines.push(`Access-Control-Allow-Headers: ${v.need.headers.join(', ')}`);
  if (v.credentials === 'include') lines.push('Access-Control-Allow-Credentials: true');
  return lines.map((l) => `"${l}"`).join(', ');
}

export function preflightStatusFix(status: number): string | null {
  if (isCredentialRefusal(status)) {
    return (
      'Let OPTIONS through without authentication: browsers never send cookies or Authorization ' +
      'on a preflight (Spring Security: http.cors(); ASP.NET Core: app.UseCors() before UseAuthentication(); ' +
      'API Gateway: no authorizer on the OPTIONS method).'
    );
  }
  if (status === 404 || status === 405 || status === 501) {
    return (
      `The server answered ${status} to OPTIONS: nothing handles the preflight for this route. ` +
      `Put the framework's CORS middleware ahead of routing (Express app.use(cors()) before the ` +
      `routes, ASP.NET Core app.UseCors(), Flask-CORS), or answer OPTIONS at the proxy.`
    );
  }
  if (status >= 500)
    return `The OPTIONS handler failed with ${status}: check the server logs for the preflight request.`;
  return null;
}

/** The items of a received allow list as a note reads them; none when the header was absent. */
function listedIn(f: CorsFailure): string[] {
  // Stryker disable next-line ArrayDeclaration: the notes look for `*` and for the method in another case; no stand-in item is either
  return f.value ? f.value.split(',').map((m) => m.trim()) : [];
}

/** What to add about a refused method, which is always the request's own (checkPreflight, inferWithoutPreflight). */
export function methodNote(f: CorsFailure, v: CorsVerdict): string {
  const subject = v.need.method;
  const listed = listedIn(f);
  if (listed.some((m) => m !== subject && m.toUpperCase() === subject.toUpperCase()))
    return ' Method names are case-sensitive.';
  if (listed.includes('*') && v.credentials === 'include') return ' `*` counts only for requests without credentials.';
  return '';
}

export function headerNote(f: CorsFailure, v: CorsVerdict): string {
  if (!listedIn(f).includes('*')) return '';
  if (v.credentials === 'include') return ' `*` counts only for requests without credentials.';
  return missingOf(f).includes('authorization') ? ' `*` never covers Authorization: it must be listed by name.' : '';
}

/**
 * The request headers a header_not_allowed failure says were not allowed. Every such failure carries the list
 * (checkPreflight, inferWithoutPreflight); it is empty only when Access-Control-Allow-Headers could not be parsed
 * and the request asked for no header: Chromium refuses an unparsable list whatever was asked.
 */
export function missingOf(f: CorsFailure): readonly string[] {
  // Stryker disable next-line ArrayDeclaration: every header_not_allowed failure carries `missing` (see above)
  return f.missing ?? [];
}
