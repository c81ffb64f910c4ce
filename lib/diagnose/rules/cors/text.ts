import type { CorsFailure, CorsVerdict } from '../../../cors/types';
import type { Exchange } from '../../../model/exchange';

/** Statuses whose meaning a CORS block hides from the page. */
export function isRefusal(status: number): boolean {
  return status === 401 || status === 403 || status === 407 || status === 429 || status >= 500;
}

export function title(f: CorsFailure, v: CorsVerdict): string {
  const pre = v.preflight;
  const where =
    f.stage === 'preflight'
      ? `the preflight response${pre && (pre.status < 200 || pre.status > 299) ? ` (${pre.status})` : ''}`
      : 'the response';
  switch (f.kind) {
    case 'missing_allow_origin':
      return `No Access-Control-Allow-Origin on ${where}`;
    case 'allow_origin_mismatch':
      return `Access-Control-Allow-Origin on ${where} is '${f.value ?? ''}', not ${v.origin ?? 'the page origin'}`;
    case 'multiple_allow_origin':
      return `Access-Control-Allow-Origin on ${where} holds several values`;
    case 'wildcard_with_credentials':
      return 'Access-Control-Allow-Origin: * on a request sent with credentials';
    case 'invalid_allow_credentials':
      return `Credentialed request, but ${where} lacks Access-Control-Allow-Credentials: true`;
    case 'preflight_invalid_status':
      return `The preflight (OPTIONS) was answered ${v.preflight?.status ?? f.value ?? 'with an error'}`;
    case 'preflight_redirect':
      return 'The preflight (OPTIONS) was redirected';
    case 'method_not_allowed':
      return `Access-Control-Allow-Methods does not allow ${f.subject ?? 'the method'}`;
    case 'header_not_allowed':
      return `Access-Control-Allow-Headers does not allow ${f.subject ?? 'a request header'}`;
    case 'local_network':
      return 'Blocked by Local Network Access: the page called a more private address';
  }
}

/** For failures deduced without the preflight in the log: say what it means, not what was seen. */
function explainUnseen(f: CorsFailure): string {
  switch (f.kind) {
    case 'missing_allow_origin':
      return (
        'A preflight fails this way when the server does not answer OPTIONS for this route with CORS ' +
        'headers (no CORS middleware, or OPTIONS rejected by routing or authentication).'
      );
    case 'header_not_allowed':
      return `The preflight must list ${(f.missing ?? [f.subject]).join(', ')} in Access-Control-Allow-Headers.`;
    case 'method_not_allowed':
      return `The preflight must list ${f.subject ?? 'the method'} in Access-Control-Allow-Methods.`;
    default:
      return '';
  }
}

function explain(f: CorsFailure, v: CorsVerdict): string {
  const origin = v.origin ?? 'the page origin';
  if (f.inferred && f.stage === 'preflight' && !v.preflight) return explainUnseen(f);
  switch (f.kind) {
    case 'missing_allow_origin':
      return f.stage === 'preflight'
        ? `The OPTIONS preflight came back without Access-Control-Allow-Origin, so the server does ` +
            `not speak CORS for this route (or only on success).`
        : `The response came back without Access-Control-Allow-Origin, so the browser hid it from ${origin}.`;
    case 'allow_origin_mismatch':
      return (
        `Access-Control-Allow-Origin must equal the page origin ${origin} exactly (scheme, host, ` +
        `port, no trailing slash); it was '${f.value ?? ''}'.`
      );
    case 'multiple_allow_origin':
      return (
        `Access-Control-Allow-Origin must hold exactly one origin; it was '${f.value ?? ''}', usually ` +
        `two layers (app and proxy/CDN) each adding it, or a whole allow-list echoed.`
      );
    case 'wildcard_with_credentials':
      return (
        'The request carried credentials (cookies), and for such requests `*` is not accepted: the ' +
        'exact origin must be named, with Access-Control-Allow-Credentials: true.'
      );
    case 'invalid_allow_credentials':
      return (
        `The request carried credentials, so Access-Control-Allow-Credentials must be exactly \`true\`; ` +
        `it was ${f.value === null || f.value === undefined ? 'absent' : `'${f.value}'`}.`
      );
    case 'preflight_invalid_status':
      return `The preflight passed the origin check but its status was not 2xx, so the ${v.need.method} was never sent.`;
    case 'preflight_redirect':
      return (
        `The preflight was redirected${f.value ? ` to ${f.value.split('?')[0]}` : ''}; browsers ` +
        `never follow redirects on a preflight.`
      );
    case 'method_not_allowed':
      return (
        `The preflight asked for ${f.subject ?? 'the method'} and Access-Control-Allow-Methods was ` +
        `${f.value === null || f.value === undefined ? 'absent' : `'${f.value}'`}.${methodNote(f, v)}`
      );
    case 'header_not_allowed':
      return (
        `The page set ${(f.missing ?? [f.subject]).join(', ')}, which needs the preflight's permission, ` +
        `and Access-Control-Allow-Headers was ${f.value === null || f.value === undefined ? 'absent' : `'${f.value}'`}.${headerNote(f, v)}`
      );
    case 'local_network':
      return f.stage === 'preflight'
        ? 'Private Network Access: the preflight asked the device for permission (Access-Control-Request-Private-Network: ' +
            'true) and the answer did not grant it with Access-Control-Allow-Private-Network: true.'
        : 'Chrome asks the user before a page reaches a more private address space (public → local ' +
            'network or loopback): Local Network Access, formerly Private Network Access.';
  }
}

function methodNote(f: CorsFailure, v: CorsVerdict): string {
  const subject = f.subject ?? '';
  const listed = (f.value ?? '').split(',').map((m) => m.trim());
  if (listed.some((m) => m !== subject && m.toUpperCase() === subject.toUpperCase()))
    return ' Method names are case-sensitive.';
  if (listed.includes('*') && v.credentials === 'include') return ' `*` counts only for requests without credentials.';
  return '';
}

function headerNote(f: CorsFailure, v: CorsVerdict): string {
  const listed = (f.value ?? '').split(',').map((h) => h.trim());
  if (!listed.includes('*')) return '';
  if (v.credentials === 'include') return ' `*` counts only for requests without credentials.';
  return (f.missing ?? []).includes('authorization')
    ? ' `*` never covers Authorization: it must be listed by name.'
    : '';
}

/** The "CORS hides a real 403" sentence, when the blocked response (or its preflight) was a refusal. */
export function hiddenStatus(x: Exchange, v: CorsVerdict, f: CorsFailure): string {
  if (f.stage === 'response' && isRefusal(x.status)) {
    return (
      ` The CORS error hides a real ${x.status}: the server refused the request itself, and most ` +
      `frameworks add CORS headers only to successful responses. Fix both.`
    );
  }
  const p = v.preflight;
  if (f.stage === 'preflight' && p && isRefusal(p.status))
    return ` The CORS error hides a real ${p.status} on the preflight (entry #${p.index}).`;
  if (f.stage === 'preflight' && p && p.status >= 400)
    return ` The preflight (entry #${p.index}) was answered ${p.status}.`;
  return '';
}

export function summary(x: Exchange, v: CorsVerdict, f: CorsFailure): string {
  const said = v.verdictRecorded ? 'Chrome blocked it' : 'A browser blocks this';
  const chrome = f.inferred ? `Likely, not recorded: ${f.inferred}.` : `${said}: "${f.message}"`;
  return `${chrome} ${explain(f, v)}${hiddenStatus(x, v, f)}`.trim();
}
