import type { HarEntry, HarNameValue, HarPostData } from '../har/types';
import { redactBody } from './body';
import { redactHeader } from './header';
import { isSecretField, isSecretParam } from './names';
import type { Text } from './pieces';
import { renderDoc } from './spell';
import { sweep } from './sweep';
import { redactUrl } from './url';
import type { Vault } from './vault';
import { redactEncodedBody } from './encoded';
import { hexChunkBytes } from '../model/content-bytes';
import { mapStrings } from './deep';

export type Render = (t: Text) => string;

const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Every string of an unknown structure (browser `_` extras, pages, comments), swept, at any depth. */
export function walk(v: unknown, vault: Vault, render: Render): unknown {
  return mapStrings(v, (s) =>
    render(LOOKS_LIKE_URL.test(s) ? redactUrl(s, vault, 'URL') : sweep([s], vault, 'HAR field')),
  );
}

function contentTypeOf(headers: HarNameValue[] | undefined, fallback: string | undefined): string {
  return (
    headers?.find((h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'content-type')?.value ??
    fallback ??
    ''
  );
}

function headerList(list: unknown, vault: Vault, render: Render, side: 'request' | 'response'): HarNameValue[] {
  if (!Array.isArray(list)) return [];
  return list.map((h: HarNameValue) => ({
    ...h,
    // Stryker disable next-line StringLiteral: a nameless header matches no header rule under any stand-in name
    value: render(redactHeader(String(h?.name ?? ''), String(h?.value ?? ''), vault, side)),
  }));
}

function postData(p: HarPostData, headers: HarNameValue[] | undefined, vault: Vault, render: Render): HarPostData {
  const out: HarPostData = { ...p };
  const enc = p.encoding ?? p._encoding;
  if (typeof p.text === 'string') {
    if (enc === 'base64') {
      const r = redactEncodedBody(p.text, contentTypeOf(headers, p.mimeType), vault, 'request body');
      if (r.kind === 'withhold') Object.assign(out, { text: '', comment: `why403: ${r.why}` });
      else if (r.kind === 'text') {
        delete out.encoding;
        delete out._encoding;
        Object.assign(out, { text: render(r.text), comment: 'why403: decoded from base64 to redact it' });
      }
    } else out.text = render(redactBody(p.text, contentTypeOf(headers, p.mimeType), vault, 'request body'));
  }
  if (Array.isArray(p.params)) {
    out.params = p.params.map((x) => {
      const where = `request form field ${x.name}`;
      const value =
        x.value === undefined
          ? undefined
          : render(
              isSecretField(String(x.name))
                ? [vault.secret(x.value, { base: `BODY_${x.name}`, kind: 'body', where })]
                : sweep([x.value], vault, where),
            );
      return { ...x, ...(value === undefined ? {} : { value }) };
    });
  }
  return out;
}

function responseText(e: HarEntry, vault: Vault, render: Render): HarEntry['response']['content'] | undefined {
  const c = e.response.content;
  if (!c || typeof c.text !== 'string') return c;
  const mime = String(c.mimeType ?? '');
  // A compressed body nock or Polly (before v5) kept as hex chunks is read as what it inflates to.
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,MethodExpression: speed only: chunks are a JSON array of strings (`["…`), which base64 never starts with
  const mayBeChunks = c.encoding !== 'base64' && c.text.startsWith('["');
  const hex = mayBeChunks && hexChunkBytes(c.text) !== null;
  if (c.encoding === 'base64' || hex) {
    // Stryker disable next-line StringLiteral: recordedContentBytes reads every form but base64 as hex chunks
    const form = hex ? 'hex-chunks' : 'base64';
    const r = redactEncodedBody(c.text, mime, vault, 'response body', form);
    if (r.kind === 'keep') return { ...c };
    if (r.kind === 'withhold') return { ...c, text: '', comment: `why403: ${r.why}` } as typeof c;
    const { encoding: _encoding, _isBinary: _binary, ...rest } = c as typeof c & { _isBinary?: unknown };
    const from = hex ? 'inflated from its hex chunks' : 'decoded from base64';
    return { ...rest, text: render(r.text), comment: `why403: ${from} to redact it` } as typeof c;
  }
  return { ...c, text: render(redactBody(c.text, mime, vault, 'response body')) };
}

const KNOWN_REQUEST = ['url', 'headers', 'queryString', 'cookies', 'postData'];
const KNOWN_RESPONSE = ['headers', 'cookies', 'content', 'redirectURL'];

/** The entry minus the places redacted field by field (they are written back afterwards). */
function withoutKnown(e: HarEntry): unknown {
  const omit = (o: unknown, keys: string[]) =>
    o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) : o;
  return { ...e, request: omit(e.request, KNOWN_REQUEST), response: omit(e.response, KNOWN_RESPONSE) };
}

export function renderEntry(
  e: HarEntry,
  vault: Vault,
  render: Render,
  options: { namedPlacesOnly?: boolean } = {},
): HarEntry {
  const req = e.request ?? ({} as HarEntry['request']);
  const res = e.response;
  // Known places first, so secrets get names that say where they live (WHY403_AUTHORIZATION,
  // not WHY403_JWT); then every other string is swept; then the known places are written.
  const url = render(redactUrl(String(req.url ?? ''), vault, 'request URL'));
  const reqHeaders = headerList(req.headers, vault, render, 'request');
  const query = Array.isArray(req.queryString)
    ? req.queryString.map((q) => ({
        ...q,
        value: render(
          isSecretParam(String(q.name))
            ? [
                vault.secret(String(q.value), {
                  base: `QUERY_${q.name}`,
                  kind: 'query',
                  where: `request URL query ${q.name}`,
                }),
              ]
            : sweep([String(q.value)], vault, 'query'),
        ),
      }))
    : undefined;
  const cookies = Array.isArray(req.cookies)
    ? req.cookies.map((c) => ({
        ...c,
        value: render([
          vault.secret(String(c.value ?? ''), {
            base: `COOKIE_${c.name}`,
            kind: 'cookie',
            where: `request cookie ${c.name}`,
          }),
        ]),
      }))
    : undefined;
  const post = req.postData ? postData(req.postData, req.headers, vault, render) : undefined;
  const resHeaders = res ? headerList(res.headers, vault, render, 'response') : undefined;
  const resCookies =
    res && Array.isArray(res.cookies)
      ? res.cookies.map((c) => ({
          ...c,
          value: render([
            vault.secret(String(c.value ?? ''), {
              base: `COOKIE_${c.name}`,
              kind: 'cookie',
              where: 'response Set-Cookie',
            }),
          ]),
        }))
      : undefined;
  const redirect =
    res && typeof res.redirectURL === 'string' ? render(redactUrl(res.redirectURL, vault, 'redirect URL')) : undefined;
  // Stryker disable next-line ConditionalExpression: speed only: learn.ts reads the body and every other string through the closure (issue 19)
  if (options.namedPlacesOnly) return e;
  const content = res ? responseText(e, vault, render) : undefined;
  const out = walk(withoutKnown(e), vault, render) as HarEntry;
  if (out.request) {
    out.request.url = url;
    out.request.headers = reqHeaders;
    if (query) out.request.queryString = query;
    if (cookies) out.request.cookies = cookies;
    if (post) out.request.postData = post;
  }
  // Each is there only when the entry has a response.
  if (resHeaders) out.response.headers = resHeaders;
  if (resCookies) out.response.cookies = resCookies;
  if (content) out.response.content = content;
  if (redirect !== undefined) out.response.redirectURL = redirect;
  return out;
}

/**
 * Lets the vault learn the secrets of one entry's known places (learn.ts reads the rest). Only
 * the places that give a secret its name (headers, URL, query, cookies, form fields) are read
 * here: the response body and every other string go through learn.ts's closure anyway, and
 * rendering them here as well doubled the cost of learning a log (issue 19).
 */
export function discoverEntry(e: HarEntry, vault: Vault): void {
  renderEntry(e, vault, (t) => renderDoc(t, vault, true), { namedPlacesOnly: true });
}
