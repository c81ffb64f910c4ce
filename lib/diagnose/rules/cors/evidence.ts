import { quoteValue } from '../../../cors/lists';
import type { CorsFailure, CorsVerdict } from '../../../cors/types';
import type { Exchange } from '../../../model/exchange';
import type { Evidence } from '../../../core/causes';

/** Origin and path only: a query string may carry keys, and evidence is shared. */
export function safeUrl(x: Exchange): string {
  if (!x.url) return quoteValue(x.rawUrl.split('?')[0], 200);
  return `${x.url.origin}${x.url.pathname}${x.url.search ? '?…' : ''}`;
}

export function statusLine(x: Exchange): string {
  return `${x.status}${x.statusText ? ` ${x.statusText}` : ''}`;
}

function line(name: string, value: string | null | undefined): string {
  return `${name}: ${quoteValue(value)}`;
}

/** Who asked: the page origin and where it was read. */
export function originEvidence(v: CorsVerdict): Evidence {
  if (v.originFrom === 'Origin header')
    return { where: 'request.header', name: 'origin', detail: line('Origin', v.origin) };
  return {
    where: 'request.header',
    name: 'origin',
    detail: `page origin ${v.origin ?? 'unknown'} (from ${v.originFrom})`,
  };
}

/** What the browser recorded about the outcome. */
export function outcomeEvidence(x: Exchange): Evidence[] {
  const out: Evidence[] = [{ where: 'request.line', detail: `${x.method} ${safeUrl(x)}` }];
  if (x.netError)
    out.push({
      where: 'browser',
      name: '_error',
      detail: `${x.netError}: the page saw a network error, not the response`,
    });
  out.push({
    where: 'response.status',
    detail:
      x.status === 0
        ? 'status 0: the request never completed (blocked at or before its preflight)'
        : `${statusLine(x)}: received by the browser, withheld from the page`,
  });
  return out;
}

const PREFLIGHT_RESPONSE_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Allow-Methods',
  'Access-Control-Allow-Headers',
  'Access-Control-Allow-Private-Network',
];

/** The preflight quoted: its entry, status, what it asked and what it was told. */
export function preflightEvidence(p: Exchange): Evidence[] {
  const out: Evidence[] = [
    { where: 'preflight', name: `#${p.index}`, detail: `OPTIONS ${safeUrl(p)} → ${statusLine(p)} (entry #${p.index})` },
  ];
  for (const name of [
    'Access-Control-Request-Method',
    'Access-Control-Request-Headers',
    'Access-Control-Request-Private-Network',
  ]) {
    const v = p.req.getAll(name);
    if (v.length > 0) out.push({ where: 'preflight', name: name.toLowerCase(), detail: line(name, v.join(', ')) });
  }
  for (const name of PREFLIGHT_RESPONSE_HEADERS) {
    const v = p.res.getAll(name);
    if (v.length > 0 || name === 'Access-Control-Allow-Origin') {
      out.push({
        where: 'preflight',
        name: name.toLowerCase(),
        detail: `response ${line(name, v.length ? v.join(', ') : null)}${v.length > 1 ? ` (sent ${v.length} times)` : ''}`,
      });
    }
  }
  const location = p.res.get('location');
  if (location !== undefined)
    out.push({ where: 'preflight', name: 'location', detail: line('Location', location.split('?')[0]) });
  return out;
}

/** The actual response's CORS headers, absent ones named as absent. */
export function responseEvidence(x: Exchange, credentialed: boolean): Evidence[] {
  const names = ['Access-Control-Allow-Origin', ...(credentialed ? ['Access-Control-Allow-Credentials'] : [])];
  return names.map((name) => {
    const v = x.res.getAll(name);
    return {
      where: 'response.header' as const,
      name: name.toLowerCase(),
      detail: `${line(name, v.length ? v.join(', ') : null)}${v.length > 1 ? ` (sent ${v.length} times)` : ''}`,
    };
  });
}

/** Everything a CORS cause quotes, in reading order. */
export function corsEvidence(x: Exchange, v: CorsVerdict, f: CorsFailure): Evidence[] {
  const out: Evidence[] = [originEvidence(v), ...outcomeEvidence(x)];
  // Stryker disable next-line ConditionalExpression,LogicalOperator: evaluateCors sets credentialsEvidence exactly when credentials is 'include'
  if (v.credentials === 'include' && v.credentialsEvidence) {
    out.push({ where: 'request.cookie', detail: `${v.credentialsEvidence}: credentials mode "include"` });
  }
  if (v.preflight) out.push(...preflightEvidence(v.preflight));
  else if (f.stage === 'preflight')
    out.push({ where: 'preflight', detail: 'no preflight (OPTIONS) for this request was captured' });
  if (f.stage === 'response')
    out.push(...responseEvidence(x, v.credentials === 'include' || f.kind === 'invalid_allow_credentials'));
  if (f.inferred) out.push({ where: 'log', name: 'inferred', detail: f.inferred });
  return out;
}
