import { htmlEscape, base64Cores, urlEncode, jsonEscape, unicodeEscape, hex2, hexOf, utf16Bytes } from './encoders';
import type { SecretKind } from './kinds';

// One rule for which known secrets are hunted in finished text and how (echoes in bodies,
// quotes in evidence, the final seal), and the encodings each one is hunted in. The vault
// indexes these forms as it learns (finder.ts); the sweep of each piece and the final seal of
// each artefact search that one index, so there is one threshold and one search.

/** How a known value is looked for: anywhere, as a whole token, or not at all. */
export type HuntMode = 'anywhere' | 'token';

/** Shortest value hunted as a whole token (a 4-digit PIN); shorter ones are sealed where named only. */
export const MIN_TOKEN = 4;

// Kinds whose value was named secret by its field (password, otp, pin, code…): hunted whatever
// its shape, as a whole token, so `otp=482913` echoed in a body is caught and "4829130" is not.
const NAMED: ReadonlySet<SecretKind> = new Set<SecretKind>(['body', 'query', 'url', 'password']);
// Literals a named field may hold that are everywhere else too (`"remember": true`).
const LITERALS = new Set(['true', 'false', 'null', 'none', 'undefined', 'nil']);

/** A long or mixed value: looked for anywhere without false alarms. */
export function isDistinctive(v: string): boolean {
  if (v.length < 8) return false;
  return v.length >= 16 || /[0-9]/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)) || /[^A-Za-z0-9]/.test(v);
}

export function huntMode(value: string, kind: SecretKind): HuntMode | null {
  if (isDistinctive(value)) return 'anywhere';
  if (NAMED.has(kind) && value.length >= MIN_TOKEN && !LITERALS.has(value.toLowerCase())) return 'token';
  return null;
}

/** Longest value written all in `\u` escapes: serialisers escape a few characters, not a token. */
const UNICODE_MAX = 256;

/**
 * A token-sized value written one character (or byte) at a time, as encoders that escape
 * everything but a safe set write it, and as hostile pages hide it from a plain search:
 * - its UTF-8 bytes in hex, lower and upper case (hex dumps, `bytes.hex()`, Go's `%x`);
 * - every character as an HTML numeric reference, decimal and hex (OWASP ESAPI's `encodeForHTML`,
 *   https://owasp.org/www-project-enterprise-security-api/, escapes all but alphanumerics; an
 *   e-mail obfuscator escapes those too);
 * - every character as a JavaScript `\xHH` or `\u{H}` escape (ESAPI's `encodeForJavaScript`);
 * - its UTF-16LE bytes in base64: PowerShell's `-EncodedCommand`
 *   (https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_pwsh#-encodedcommand---e---ec).
 * Short values only, like `\u`: past UNICODE_MAX no encoder writes a value so.
 */
function charForms(value: string): string[] {
  if (value.length < 8 || value.length > UNICODE_MAX) return [];
  const hex = hexOf(value);
  let dec = '';
  let hexRef = '';
  let js = '';
  let brace = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    dec += `&#${c};`;
    hexRef += `&#x${c.toString(16)};`;
    js += c < 0x100 ? `\\x${hex2(c)}` : `\\u${c.toString(16).padStart(4, '0')}`;
    brace += `\\u{${c.toString(16)}}`;
  }
  const out = [
    hex,
    hex.toUpperCase(),
    dec,
    hexRef,
    hexRef.toUpperCase().replace(/&#X/g, '&#x'),
    js,
    js.toUpperCase().replace(/\\X/g, '\\x').replace(/\\U/g, '\\u'),
    brace,
  ];
  return [...out, ...base64Cores(utf16Bytes(value), true)];
}

/**
 * How many times its value's length a form may be. The encoders seen in captures grow a value
 * at most about tenfold together (`\u`-escaped, that JSON-escaped, that URL-encoded twice: 10×).
 * Longer forms only come from nesting the same encodings again, and they grow exponentially
 * with the depth (each `\u` layer is 6×): a 22 KB blob of YouTube's watch page, found three
 * `\u`/JSON layers deep, had forms of 2.5 MB and 92 MB in all, which took minutes to index.
 * No such form is built; the layers themselves are still read and hunted within their bound.
 */
const MAX_GROWTH = 12;
const fits = (form: string, value: string, spelled = 0) =>
  form.length <= (MAX_GROWTH * value.length + 64) * UNICODE_GROWTH ** spelled;

/**
 * Most `\u` layers a text is read through (closure.ts): a text spelled out in `\u` escapes
 * inside one so spelled, and so on, is 6 times longer at each layer, so a token's form there is
 * past MAX_GROWTH from the second layer on (a 20-character secret spelled twice is 720
 * characters). The growth such a layer shows is allowed to each value found through it, for a
 * token-sized value (UNICODE_MAX) and up to this many layers; a text needing more is not read,
 * and its root text is withheld whole (closure.ts), so no form is ever past 6^3 of the bound.
 */
export const MAX_SPELLED = 3;
const UNICODE_GROWTH = 6;

/** `\u` layers of a path whose growth a value's forms may show (MAX_SPELLED). */
function spelledLayers(value: string, path: readonly Layer[]): number {
  if (value.length > UNICODE_MAX) return 0;
  let n = 0;
  for (const l of path) if (l === 'unicode') n++;
  return Math.min(n, MAX_SPELLED);
}

/**
 * The forms a value takes once encoded as captures encode it: raw, URL-encoded once and twice
 * (also with `+` for spaces), JSON-escaped once and twice (JSON inside a JSON string),
 * `\u`-escaped, HTML-escaped (also of the JSON form), base64 and base64url at every alignment,
 * and a short value's character-by-character forms (charForms).
 */
export function encodedForms(value: string): string[] {
  const url = urlEncode(value);
  const json = jsonEscape(value);
  const out = new Set<string>([
    value,
    url,
    urlEncode(url),
    url.replace(/%20/g, '+'),
    json,
    jsonEscape(json),
    htmlEscape(value),
    htmlEscape(json),
    urlEncode(json),
  ]);
  if (value.length <= UNICODE_MAX) {
    const u = unicodeEscape(value);
    out.add(u).add(u.toUpperCase().replace(/\\U/g, '\\u'));
  }
  if (value.length >= 12) for (const c of base64Cores(value)) out.add(c);
  for (const c of charForms(value)) out.add(c);
  return [...out].filter((f) => f.length >= MIN_TOKEN);
}

/**
 * A decoding the closure applied to reach a text (closure.ts), outermost first in a path.
 * `unicode` is `js` over a text that spells letters or digits in `\u` escapes (closure.ts
 * SPELLED): its values may be spelled out whole there, however long their form already is.
 */
export type Layer = 'percent' | 'plus' | 'html' | 'js' | 'unicode' | 'base64' | 'utf16' | 'hex';

/**
 * How a value may look one encoding further out; identity first (an encoder may leave it as is).
 * `token`: the value the forms are of is token-sized (UNICODE_MAX).
 */
function encodingsOf(layer: Layer, s: string, token: boolean): string[] {
  switch (layer) {
    case 'percent': {
      const u = urlEncode(s);
      return [s, u, u.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())];
    }
    case 'plus':
      return [s, urlEncode(s).replace(/%20/g, '+'), s.replace(/ /g, '+')];
    case 'html':
      return [s, htmlEscape(s)];
    case 'js': {
      const j = jsonEscape(s);
      return s.length <= UNICODE_MAX
        ? [s, j, j.replace(/\//g, '\\/'), unicodeEscape(s)]
        : [s, j, j.replace(/\//g, '\\/')];
    }
    case 'unicode': {
      // The form so far spelled out whole, whatever its length: the layer was (MAX_SPELLED).
      const j = jsonEscape(s);
      if (!token) return [s, j, j.replace(/\//g, '\\/')];
      const u = unicodeEscape(s);
      return [s, u, j, j.replace(/\//g, '\\/')];
    }
    case 'base64':
      return s.length >= 12 ? base64Cores(s) : [];
    case 'utf16':
      return base64Cores(utf16Bytes(s), true);
    case 'hex': {
      const h = hexOf(s);
      return [h, h.toUpperCase()];
    }
  }
}

/** At most this many forms per path: nesting multiplies them. */
const MAX_PATH_FORMS = 24;
/**
 * And through `\u` layers, which give each form up to four (as is, spelled out, JSON-escaped with
 * and without `\/`): with 24, the spelled form of a spelled form URL-encoded between was dropped.
 * Paid for (nestedForms), so the work stays within what the closure allows (budget.ts Budget).
 */
const MAX_SPELLED_FORMS = 96;

/**
 * The forms a value found at the end of `path` takes in the text the path started from: each
 * layer's encodings applied from the innermost out. A new nesting of known encodings is a new
 * path, not new code.
 */
function pathForms(value: string, path: readonly Layer[], spelled: number): string[] {
  const token = value.length <= UNICODE_MAX;
  let forms = [value];
  for (let i = path.length - 1; i >= 0; i--) {
    const next = new Set<string>();
    for (const f of forms)
      // Stryker disable next-line EqualityOperator: a cost cap; which 24 or 25 forms are kept is insertion order, not a rule (uncapped is tested)
      for (const e of encodingsOf(path[i]!, f, token))
        if (next.size < (spelled > 0 ? MAX_SPELLED_FORMS : MAX_PATH_FORMS) && fits(e, value, spelled)) next.add(e);
    forms = [...next];
  }
  // No layer shortens a value of MIN_TOKEN or more (the only ones hunted), nor does
  // encodedForms return a form under it: only the value itself, indexed on its own, goes.
  return forms.filter((f) => f !== value);
}

/**
 * Every form to hunt for a value found at the end of `path`: each of its path forms as captures
 * and artefacts encode it again (encodedForms), within MAX_GROWTH of the value (times 6 per `\u`
 * layer, MAX_SPELLED). Through such a layer a token's forms run to hundreds of kilobytes, so
 * they are paid for: `take` is asked for each form's length, and when it refuses the forms are
 * null (the closure withholds the text, as past its budget). Forms of other paths are not asked.
 */
export function nestedForms(value: string, path: readonly Layer[]): string[];
export function nestedForms(value: string, path: readonly Layer[], take?: (n: number) => boolean): string[] | null;
export function nestedForms(value: string, path: readonly Layer[], take?: (n: number) => boolean): string[] | null {
  const out = new Set<string>();
  const spelled = spelledLayers(value, path);
  for (const f of pathForms(value, path, spelled))
    // A form past the bound of other paths (a `\u` layer spelled it out) is hunted as the fields
    // holding a text write it (reencoded), not in every encoding: those would cost 20 times more.
    for (const e of fits(f, value) ? encodedForms(f) : reencoded(f))
      if (fits(e, value, spelled) && !out.has(e)) {
        if (spelled > 0 && take && !take(e.length)) return null;
        out.add(e);
      }
  return [...out];
}

/**
 * A long form as the fields that hold a text write it again: as it is, URL-encoded once and twice
 * (a query value: the closure reads the decoded parameter, the URL holds it encoded), JSON-escaped
 * (a string in JSON) and HTML-escaped (an attribute).
 */
function reencoded(f: string): string[] {
  const url = urlEncode(f);
  return [f, url, urlEncode(url), jsonEscape(f), htmlEscape(f)];
}

/** Whether a value found at the end of `path` is found through `\u` layers (nestedForms pays). */
export function spelledPath(value: string, path: readonly Layer[]): boolean {
  return spelledLayers(value, path) > 0;
}
