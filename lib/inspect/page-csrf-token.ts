import type { LogIndex } from '../core/log-index';
import { startedBefore, type Exchange } from '../model/exchange';
import { CSRF_METHODS } from './csrf';

/**
 * The anti-CSRF token a page handed its forms (the synchronizer-token pattern), read from the page itself when the
 * capture holds it: a hidden `<input>` whose name is a framework's token field, or a `<meta>` tag scripts read it
 * from. Frameworks that keep the token in the server-side (or encrypted) session set no CSRF cookie, so the page is
 * the only place the capture shows it: Rack::Protection::AuthenticityToken (`authenticity_token`, Sinatra, Rails'
 * `<meta name="csrf-token">`), Mojolicious's `csrf_field` (`csrf_token`), Laravel's `@csrf` (`_token`), Django's
 * `{% csrf_token %}` (`csrfmiddlewaretoken`), Tornado's `xsrf_form_html()` (`_xsrf`), ASP.NET's
 * `__RequestVerificationToken`, Spring Security's `_csrf`, the OWASP cheat sheet's session token in PHP, and Perl's
 * Plack::Middleware::CSRFBlock, which writes a hidden `SEC` field (its `parameter_name` default) into every POST form
 * a PSGI app renders (https://metacpan.org/pod/Plack::Middleware::CSRFBlock#OPTIONS).
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export interface PageCsrfToken {
  /** The page (an earlier entry, the request's Referer) that carried the token. */
  page: Exchange;
  /** The field (or meta tag) name the page used. */
  field: string;
  value: string;
  /** What the refused request did with it. */
  sent: 'none' | 'other';
  /** Where the request carried a token, when it did. */
  sentIn?: string;
}

const FIELD =
  /^(?:authenticity_token|csrf_token|_token|_csrf|_csrf_token|csrfmiddlewaretoken|_xsrf|__requestverificationtoken|ci_csrf_token|csrf|csrftoken|xsrf_token|SEC)$/i;
const META = /^(?:csrf-token|_csrf|csrf_token|xsrf-token)$/i;
const HEADER = /^(?:x-csrf-token|x-xsrf-token|x-csrftoken|csrf-token|x-xsrftoken|requestverificationtoken)$/i;
/** Only the head of a page is read (a form is near its top; a large app shell is not worth scanning whole). */
const HEAD = 128 * 1024;

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** The last token field or meta tag in an HTML page, or null. */
export function tokenInPage(html: string): { field: string; value: string } | null {
  let found: { field: string; value: string } | null = null;
  for (const m of html.slice(0, HEAD).matchAll(/<(input|meta)\b[^>]*>/gi)) {
    const tag = m[0];
    const isInput = m[1]!.toLowerCase() === 'input';
    const name = attr(tag, 'name');
    const value = attr(tag, isInput ? 'value' : 'content');
    if (!name || !value || value.length < 8) continue;
    if (isInput ? FIELD.test(name) && attr(tag, 'type')?.toLowerCase() === 'hidden' : META.test(name))
      found = { field: name, value };
  }
  return found;
}

function decode(v: string): string {
  try {
    return decodeURIComponent(v.replace(/\+/g, ' '));
  } catch {
    return v;
  }
}

/** The token the request sent under `field` (form, multipart or JSON body) or in a CSRF header, if any. */
export function sentToken(x: Exchange, field: string): { value: string; where: string } | null {
  for (const name of x.req.names())
    if (HEADER.test(name)) return { value: x.req.get(name)!.trim(), where: `the ${name} header` };
  const body = x.requestBody?.slice(0, 64 * 1024) ?? '';
  if (!body) return null;
  const f = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const form = new RegExp(`(?:^|&)${f}=([^&]*)`, 'i').exec(body);
  if (form) return { value: decode(form[1]!), where: `the ${field} field` };
  const multipart = new RegExp(`name="${f}"\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)`, 'i').exec(body);
  if (multipart) return { value: multipart[1]!, where: `the ${field} field` };
  const json = new RegExp(`"${f}"\\s*:\\s*"([^"]*)"`, 'i').exec(body);
  if (json) return { value: json[1]!, where: `the ${field} field` };
  return null;
}

/**
 * For an unsafe request: the token its page (the Referer, same origin, recorded earlier in the capture with its
 * HTML) issued, and whether the request sent none or another value. Null when the page is not in the capture, has no
 * token, or the request sent the page's own token (then the token was right and something else refused it).
 */
export function pageCsrfToken(x: Exchange, log: LogIndex): PageCsrfToken | null {
  if (!CSRF_METHODS.has(x.method) || !x.url) return null;
  const referer = x.req.get('referer')?.trim().split('#')[0];
  if (!referer) return null;
  let page: Exchange | null = null;
  for (const y of log.exchanges) {
    if (y.index === x.index || y.method !== 'GET' || y.status < 200 || y.status > 299) continue;
    if (y.rawUrl.split('#')[0] !== referer || y.url?.origin !== x.url.origin || !startedBefore(y, x)) continue;
    if (page === null || startedBefore(page, y)) page = y;
  }
  const html = page?.body.text;
  if (!page || !html || !/^\s*text\/html/i.test(page.res.get('content-type') ?? 'text/html')) return null;
  const token = tokenInPage(html);
  if (!token) return null;
  const sent = sentToken(x, token.field);
  if (sent && sent.value === token.value) return null;
  return {
    page,
    field: token.field,
    value: token.value,
    sent: sent ? 'other' : 'none',
    ...(sent ? { sentIn: sent.where } : {}),
  };
}

/**
 * Tomcat's CsrfPreventionFilter (the manager app's HTML interface, and any webapp that enables it) keeps its nonce in
 * the session and puts it in every URL the page encodes: `…?org.apache.catalina.filters.CSRF_NONCE=<hex>`, the
 * filter's default nonceRequestParameterName. A request to a URL of that webapp without it (a bookmark, a stale link,
 * a URL a script built) is refused with denyStatus, 403
 * (https://tomcat.apache.org/tomcat-10.1-doc/config/filter.html#CSRF_Prevention_Filter). The name is Tomcat's own,
 * so a page of the same webapp (same origin, same first path segment: its context path) whose links carry it is the
 * capture's sign of the check, whatever sent the request (no Referer needed).
 */
export const TOMCAT_NONCE = 'org.apache.catalina.filters.CSRF_NONCE';
const NONCE_IN_URL = /[?&;](?:amp;|&#38;|&#x26;)?org\.apache\.catalina\.filters\.CSRF_NONCE=([0-9A-Za-z_-]{8,})/i;

const contextOf = (u: URL) => u.pathname.split('/')[1] ?? '';

const contextKey = (u: URL) => `${u.origin} ${contextOf(u)}`;

/**
 * The log's GET pages answered 2xx, by origin and webapp context, indexed as the log grows (LogIndex only appends):
 * every refused request asks for its context's pages, and scanning the whole log for each made a capture's cost grow
 * with the square of its size. Only what an exchange never changes is indexed; bodies are read when asked.
 */
const PAGES = new WeakMap<LogIndex, { seen: number; byContext: Map<string, Exchange[]> }>();
function pagesOf(log: LogIndex, key: string): readonly Exchange[] {
  let index = PAGES.get(log);
  if (!index) PAGES.set(log, (index = { seen: 0, byContext: new Map() }));
  for (; index.seen < log.exchanges.length; index.seen++) {
    const y = log.exchanges[index.seen]!;
    if (y.method !== 'GET' || y.status < 200 || y.status > 299 || !y.url) continue;
    const k = contextKey(y.url);
    const list = index.byContext.get(k);
    if (list) list.push(y);
    else index.byContext.set(k, [y]);
  }
  return index.byContext.get(key) ?? [];
}

/** For a request to a Tomcat webapp whose earlier page handed out CsrfPreventionFilter nonces: what it sent. */
export function urlNonceCsrf(x: Exchange, log: LogIndex): PageCsrfToken | null {
  if (!x.url) return null;
  let found: { page: Exchange; value: string } | null = null;
  for (const y of pagesOf(log, contextKey(x.url))) {
    if (y.index === x.index || !startedBefore(y, x)) continue;
    const m = NONCE_IN_URL.exec(y.body.text?.slice(0, HEAD) ?? '');
    if (m && (found === null || startedBefore(found.page, y))) found = { page: y, value: m[1]! };
  }
  if (!found) return null;
  const sent = x.url.searchParams.get(TOMCAT_NONCE);
  if (sent === found.value) return null;
  return {
    page: found.page,
    field: TOMCAT_NONCE,
    value: found.value,
    sent: sent === null ? 'none' : 'other',
    ...(sent === null ? {} : { sentIn: 'the URL' }),
  };
}
