import type { CorsKind } from '../../../cors/types';
import {
  allowOrigin,
  headerNote,
  methodNote,
  missingOf,
  preflightLines,
  preflightStatusFix,
  union,
  type CorsCase,
} from './wording';

/**
 * One record per CORS failure kind: its title, what it means (with and without the preflight in
 * the log) and its fixes. A `Record` over the closed union, so a new kind does not compile until
 * it has all of them (the model: Chrome DevTools' CorsIssue.ts, one entry per CorsErrorReason).
 */
export interface CorsKindText {
  /** The cause's title; `where` names the response that failed ("the preflight response (403)"). */
  title(c: CorsCase): string;
  /** What the failure means, for the summary. */
  explain(c: CorsCase): string;
  /** The same when the failure was deduced without the preflight in the log; absent: nothing to add. */
  unseen?(c: CorsCase): string;
  /** What to change, most direct first. */
  fixes(c: CorsCase): string[];
}

/** A received header value as quoted in a sentence: the value, or "absent" (null: the header was not there). */
function said(value: string | null | undefined): string {
  return typeof value === 'string' ? `'${value}'` : 'absent';
}

export const CORS_KINDS: Record<CorsKind, CorsKindText> = {
  missing_allow_origin: {
    title({ where }) {
      return `No Access-Control-Allow-Origin on ${where}`;
    },
    explain({ f, origin }) {
      return f.stage === 'preflight'
        ? `The OPTIONS preflight came back without Access-Control-Allow-Origin, so the server does ` +
            `not speak CORS for this route (or only on success).`
        : `The response came back without Access-Control-Allow-Origin, so the browser hid it from ${origin}.`;
    },
    unseen() {
      return (
        'A preflight fails this way when the server does not answer OPTIONS for this route with CORS ' +
        'headers (no CORS middleware, or OPTIONS rejected by routing or authentication).'
      );
    },
    fixes({ v, f, p, route }) {
      const out: string[] = [];

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
      return out;
    },
  },
  allow_origin_mismatch: {
    title({ f, where, origin }) {
      return `Access-Control-Allow-Origin on ${where} is ${said(f.value)}, not ${origin}`;
    },
    explain({ f, origin }) {
      return (
        `Access-Control-Allow-Origin must equal the page origin ${origin} exactly (scheme, host, ` +
        `port, no trailing slash); it was ${said(f.value)}.`
      );
    },
    fixes({ v, f }) {
      const out: string[] = [];

      out.push(
        `Send "${allowOrigin(v)}": echo the request's Origin when it is in your allow-list (exact ` +
          `scheme, host and port, no trailing slash) and add "Vary: Origin".`,
      );
      if (f.value === 'null' || v.origin === 'null')
        out.push(
          'Serve the page from a real origin: allowing the origin `null` would admit any sandboxed or file: documents.',
        );
      return out;
    },
  },
  multiple_allow_origin: {
    title({ where }) {
      return `Access-Control-Allow-Origin on ${where} holds several values`;
    },
    explain({ f }) {
      return (
        `Access-Control-Allow-Origin must hold exactly one origin; it was ${said(f.value)}, usually ` +
        `two layers (app and proxy/CDN) each adding it, or a whole allow-list echoed.`
      );
    },
    fixes({ v }) {
      const out: string[] = [];

      out.push(`Send exactly one "${allowOrigin(v)}".`);
      out.push(
        'If two layers add it (the app and nginx, a CDN or a gateway), keep one: e.g. nginx "proxy_hide_header ' +
          'Access-Control-Allow-Origin;" before its own add_header. If an allow-list is sent as a list, ' +
          'look up the request Origin and echo only it.',
      );
      return out;
    },
  },
  wildcard_with_credentials: {
    title() {
      return 'Access-Control-Allow-Origin: * on a request sent with credentials';
    },
    explain() {
      return (
        'The request carried credentials (cookies), and for such requests `*` is not accepted: the ' +
        'exact origin must be named, with Access-Control-Allow-Credentials: true.'
      );
    },
    fixes({ v }) {
      const out: string[] = [];

      out.push(
        `Replace "Access-Control-Allow-Origin: *" with "${allowOrigin(v)}" and add "Access-Control-Allow-Credentials: ` +
          `true" and "Vary: Origin".`,
      );
      out.push(
        'Or, if this call does not need cookies, send it without credentials (fetch credentials: ' +
          "'same-origin', XHR withCredentials = false).",
      );
      return out;
    },
  },
  invalid_allow_credentials: {
    title({ where }) {
      return `Credentialed request, but ${where} lacks Access-Control-Allow-Credentials: true`;
    },
    explain({ f }) {
      return (
        `The request carried credentials, so Access-Control-Allow-Credentials must be exactly \`true\`; ` +
        `it was ${said(f.value)}.`
      );
    },
    fixes({ f }) {
      const out: string[] = [];

      out.push(
        `Add "Access-Control-Allow-Credentials: true" (lower-case) to ` +
          `${f.stage === 'preflight' ? 'the OPTIONS response and the actual response' : 'the response'}.`,
      );
      out.push(
        'Or, if this call does not need cookies, send it without credentials (fetch credentials: ' +
          "'same-origin', XHR withCredentials = false).",
      );
      return out;
    },
  },
  preflight_invalid_status: {
    // Only checkPreflight finds this kind, on a captured preflight: the case's `p` is that preflight.
    title({ p }) {
      return `The preflight (OPTIONS) was answered ${p!.status}`;
    },
    explain({ v }) {
      return `The preflight passed the origin check but its status was not 2xx, so the ${v.need.method} was never sent.`;
    },
    fixes({ p, route }) {
      const out: string[] = [];

      out.push(
        `Answer OPTIONS ${route} with 200 or 204 (it got ${p!.status}), keeping the CORS headers it already sends.`,
      );
      out.push(
        preflightStatusFix(p!.status) ??
          'Make the OPTIONS handler return success before any validation of the (absent) body or credentials.',
      );
      return out;
    },
  },
  preflight_redirect: {
    title() {
      return 'The preflight (OPTIONS) was redirected';
    },
    // checkPreflight calls a preflight redirected only when it names where to (redirectTarget): `value` is that.
    explain({ f }) {
      return (
        `The preflight was redirected to ${String(f.value).split('?')[0]}; browsers ` +
        `never follow redirects on a preflight.`
      );
    },
    fixes({ f }) {
      const out: string[] = [];

      out.push(
        `Call the final URL directly (${String(f.value).split('?')[0]}): fix the trailing ` +
          `slash, the http→https hop or the host in the page's configuration.`,
      );
      out.push(
        'If the redirect goes to a login page, OPTIONS is behind authentication: exempt it, since preflights never carry credentials.',
      );
      return out;
    },
  },
  // The refused method is the request's own (checkPreflight and inferWithoutPreflight name need.method).
  method_not_allowed: {
    title({ v }) {
      return `Access-Control-Allow-Methods does not allow ${v.need.method}`;
    },
    explain({ v, f }) {
      return (
        `The preflight asked for ${v.need.method} and Access-Control-Allow-Methods was ` +
        `${said(f.value)}.${methodNote(f, v)}`
      );
    },
    unseen({ v }) {
      return `The preflight must list ${v.need.method} in Access-Control-Allow-Methods.`;
    },
    fixes({ v, f }) {
      const out: string[] = [];
      const method = v.need.method;

      out.push(`Send "Access-Control-Allow-Methods: ${union(f.value, [method], false)}" on the OPTIONS response.`);
      if (method !== method.toUpperCase()) {
        out.push(
          `Or send the method as "${method.toUpperCase()}": fetch upper-cases only DELETE, GET, ` +
            `HEAD, OPTIONS, POST and PUT, so "${method}" goes out as written.`,
        );
      }
      return out;
    },
  },
  header_not_allowed: {
    title({ f }) {
      const missing = missingOf(f);
      return missing.length > 0
        ? `Access-Control-Allow-Headers does not allow ${missing[0]}`
        : 'Access-Control-Allow-Headers cannot be parsed';
    },
    explain({ v, f }) {
      const missing = missingOf(f);
      if (missing.length === 0)
        return (
          `Access-Control-Allow-Headers was ${said(f.value)}, which is not a comma-separated list of header ` +
          `names: the browser cannot parse it, so it refuses the preflight whatever the page asked for.`
        );
      return (
        `The page set ${missing.join(', ')}, which needs the preflight's permission, ` +
        `and Access-Control-Allow-Headers was ${said(f.value)}.${headerNote(f, v)}`
      );
    },
    unseen({ f }) {
      return `The preflight must list ${missingOf(f).join(', ')} in Access-Control-Allow-Headers.`;
    },
    fixes({ f }) {
      const out: string[] = [];

      out.push(`Send "Access-Control-Allow-Headers: ${union(f.value, missingOf(f), true)}" on the OPTIONS response.`);
      if (missingOf(f).includes('content-type'))
        out.push(
          'Or, when the body is not JSON, send it as text/plain or form data: only those Content-Types need no preflight.',
        );
      return out;
    },
  },
  local_network: {
    title() {
      return 'Blocked by Local Network Access: the page called a more private address';
    },
    explain({ f }) {
      return f.stage === 'preflight'
        ? 'Private Network Access: the preflight asked the device for permission (Access-Control-Request-Private-Network: ' +
            'true) and the answer did not grant it with Access-Control-Allow-Private-Network: true.'
        : 'Chrome asks the user before a page reaches a more private address space (public → local ' +
            'network or loopback): Local Network Access, formerly Private Network Access.';
    },
    fixes() {
      const out: string[] = [];

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
      return out;
    },
  },
};
