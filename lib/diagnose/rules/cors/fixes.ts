import type { CorsFailure, CorsVerdict } from '../../../cors/types';
import type { Exchange } from '../../../model/exchange';
import { isRefusal } from './text';

function path(x: Exchange): string {
  return x.url ? x.url.pathname : 'this URL';
}

function allowOrigin(v: CorsVerdict): string {
  return `Access-Control-Allow-Origin: ${v.origin && v.origin !== 'null' ? v.origin : '<the page origin>'}`;
}

/** Union of what ACAH/ACAM already lists and what was missing, without `*`. */
function union(listed: string | null | undefined, add: readonly string[], lower: boolean): string {
  const items = (listed ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== '*');
  const all = [...items, ...add].map((s) => (lower ? s.toLowerCase() : s));
  return [...new Set(all)].join(', ');
}

/** The headers a working preflight answer carries, for this request. */
function preflightLines(v: CorsVerdict): string {
  const lines = [allowOrigin(v)];
  if (!v.need.methodSafelisted) lines.push(`Access-Control-Allow-Methods: ${v.need.method}`);
  if (v.need.headers.length > 0) lines.push(`Access-Control-Allow-Headers: ${v.need.headers.join(', ')}`);
  if (v.credentials === 'include') lines.push('Access-Control-Allow-Credentials: true');
  return lines.map((l) => `"${l}"`).join(', ');
}

function preflightStatusFix(status: number): string | null {
  if (status === 401 || status === 403 || status === 407) {
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

export function fixes(x: Exchange, v: CorsVerdict, f: CorsFailure): string[] {
  const out: string[] = [];
  const p = v.preflight;
  const route = path(x);
  switch (f.kind) {
    case 'missing_allow_origin':
      if (f.stage === 'preflight') {
        out.push(`Answer OPTIONS ${route} with 204 and the headers ${preflightLines(v)}.`);
        const s = p ? preflightStatusFix(p.status) : null;
        if (s) out.push(s);
      } else {
        out.push(
          `Send "${allowOrigin(v)}" on responses to ` +
            `${route}${v.credentials === 'include' ? ' with "Access-Control-Allow-Credentials: true"' : ''}, ` +
            `and "Vary: Origin" when the value is echoed from an allow-list.`,
        );
      }
      break;
    case 'allow_origin_mismatch':
      out.push(
        `Send "${allowOrigin(v)}": echo the request's Origin when it is in your allow-list (exact ` +
          `scheme, host and port, no trailing slash) and add "Vary: Origin".`,
      );
      if (f.value === 'null' || v.origin === 'null')
        out.push(
          'Serve the page from a real origin: allowing the origin `null` would admit any sandboxed or file: documents.',
        );
      break;
    case 'multiple_allow_origin':
      out.push(`Send exactly one "${allowOrigin(v)}".`);
      out.push(
        'If two layers add it (the app and nginx, a CDN or a gateway), keep one: e.g. nginx "proxy_hide_header ' +
          'Access-Control-Allow-Origin;" before its own add_header. If an allow-list is sent as a list, ' +
          'look up the request Origin and echo only it.',
      );
      break;
    case 'wildcard_with_credentials':
      out.push(
        `Replace "Access-Control-Allow-Origin: *" with "${allowOrigin(v)}" and add "Access-Control-Allow-Credentials: ` +
          `true" and "Vary: Origin".`,
      );
      out.push(
        'Or, if this call does not need cookies, send it without credentials (fetch credentials: ' +
          "'same-origin', XHR withCredentials = false).",
      );
      break;
    case 'invalid_allow_credentials':
      out.push(
        `Add "Access-Control-Allow-Credentials: true" (lower-case) to ` +
          `${f.stage === 'preflight' ? 'the OPTIONS response and the actual response' : 'the response'}.`,
      );
      out.push(
        'Or, if this call does not need cookies, send it without credentials (fetch credentials: ' +
          "'same-origin', XHR withCredentials = false).",
      );
      break;
    case 'preflight_invalid_status':
      out.push(
        `Answer OPTIONS ${route} with 200 or 204 (it got ${p?.status ?? f.value}), keeping the CORS headers it already sends.`,
      );
      if (p)
        out.push(
          preflightStatusFix(p.status) ??
            'Make the OPTIONS handler return success before any validation of the (absent) body or credentials.',
        );
      break;
    case 'preflight_redirect':
      out.push(
        `Call the final URL directly${f.value ? ` (${f.value.split('?')[0]})` : ''}: fix the trailing ` +
          `slash, the http→https hop or the host in the page's configuration.`,
      );
      out.push(
        'If the redirect goes to a login page, OPTIONS is behind authentication: exempt it, since preflights never carry credentials.',
      );
      break;
    case 'method_not_allowed':
      out.push(
        `Send "Access-Control-Allow-Methods: ${union(f.value, [f.subject ?? v.need.method], false)}" on the OPTIONS response.`,
      );
      if (f.subject && f.subject !== f.subject.toUpperCase()) {
        out.push(
          `Or send the method as "${f.subject.toUpperCase()}": fetch upper-cases only DELETE, GET, ` +
            `HEAD, OPTIONS, POST and PUT, so "${f.subject}" goes out as written.`,
        );
      }
      break;
    case 'header_not_allowed':
      out.push(
        `Send "Access-Control-Allow-Headers: ${union(f.value, f.missing ?? (f.subject ? [f.subject] : []), true)}" ` +
          `on the OPTIONS response.`,
      );
      if ((f.missing ?? []).includes('content-type'))
        out.push(
          'Or, when the body is not JSON, send it as text/plain or form data: only those Content-Types need no preflight.',
        );
      break;
    case 'local_network':
      out.push(
        'Allow the site in Chrome: site settings → "Local network access" (or the permission prompt); ' +
          'managed browsers: the LocalNetworkAccessAllowedForUrls policy.',
      );
      out.push(
        'From an HTTPS page to an HTTP device, pass fetch(url, { targetAddressSpace: "local" }) (or ' +
          '"loopback") so Chrome can ask instead of failing as mixed content.',
      );
      out.push(
        'For the older Private Network Access preflight, answer it with "Access-Control-Allow-Private-Network: true".',
      );
      break;
  }
  if (f.stage === 'response' && isRefusal(x.status)) {
    out.push(
      `Add the CORS headers to error responses too, then read the real ${x.status}: API Gateway: ` +
        `add ${allowOrigin(v)} to the DEFAULT_4XX and DEFAULT_5XX gateway responses; nginx: add_header ` +
        `... always; Express: register cors() before auth and rate-limit middleware.`,
    );
  }
  return out;
}
