import { recordedContentBytes, type RecordedForm } from '../model/content-bytes';
import { INFLATE_CAP, latin1 } from './bytes';
import { basicParts } from './basic';
import { base64Texts, hexTexts, htmlDecode, percentDecode, readableText, unescapeJs } from './decode';
import { redactMarkup } from './markup';
import { redactMultipart, sniffBoundary } from './multipart';
import { isSecretField, isSecretStructuredField } from './names';
import { findShapes } from './shapes';
import { readStructured } from './structured';
import { MAX_SPELLED, type Layer } from './forms';
import type { Vault } from './vault';
import { Budget } from './budget';

// The decoding closure. A secret hides in an open set of nestings of a few encodings: GraphQL
// variables URL-encoded in a query string, JSON stringified inside a JSON string, URL-encoded
// JSON in a form field, base64 of JSON, HTML entities, `\u` escapes, multipart parts, JSONP. So
// rather than a list of places, every text is read through every encoding it may carry, and
// every decoded text goes back on the work list, where the same named-key and shape rules apply
// again. A new nesting of the same encodings needs no new code. There is no depth cut-off: the
// work is bounded by a budget of characters read (decoding never grows a text, and each distinct
// text is read once), proportional to the input (Budget). A text whose decodings run past the budget
// (crafted nestings, and a few large web pages) is not vouched for: it is learned whole, as kind
// `unread`, and leaves as one placeholder (vault.unread).

/** Worth reading again: it may hold structure or an encoding. */
// `basic ` too: a Basic credential of a short user:password (`Basic Ym9iOnh5`, 8 characters) in
// prose has no other mark, and the shapes do not see it.
// A run is tried at its first character only (the look-behind): from inside a word the engine would
// rescan its rest at every position; a text holds 16 run characters in a row exactly when some run
// starts with 16 (decode.ts base64Texts, the same).
// Stryker disable next-line Regex: the look-behind is speed only
const MAY_NEST = /[=:{[<%&\\]|(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{16}|basic\s/i;

const FORM_NAME = /[\w.%+[\]-]/;

const PAIR_END = '&;\n\r\t "\'<>';

/**
 * `name=value` pairs anywhere (query strings, forms, cookies, prose), names and values decoded.
 * A pair's value runs to the end of its segment (`&`, `;`, a space…); a name inside a value
 * (`redirect=/cb?token=X`) is a nested pair, handed over only when `wanted` says its name
 * matters. A nested value ends where the segment does, or where the next wanted nested name
 * begins: the values of `token=token=…=X` are then disjoint pieces that together cover the
 * segment, rather than every suffix of it (quadratic in the input, issue 10's traps). What lies
 * between two such names is still learned, and the outer pair's value is read whole.
 */
function formPairs(
  s: string,
  wanted: (name: string) => boolean,
  each: (name: string, raw: string, decoded: string, nested: boolean) => void,
): void {
  const hand = (name: string, start: number, end: number, nested: boolean) => {
    // An empty value teaches nothing: learn() skips it, and its decoding is itself.
    const raw = s.slice(start, end);
    each(name, raw, percentDecode(raw.replace(/\+/g, ' ')), nested);
  };
  /** Where the segment of the last top-level pair ends (none yet: every `=` lies past 0). */
  let segmentEnd = 0;
  /** A wanted nested pair whose value's end is not known yet. */
  let open: { name: string; start: number } | null = null;
  const close = (end: number) => {
    // Stryker disable next-line BooleanLiteral: `nested` only spares reading its decoding again, a suffix of the outer value's decoding, which is read
    if (open) hand(open.name, open.start, end, true);
    open = null;
  };
  for (let eq = -1; (eq = s.indexOf('=', eq + 1)) !== -1;) {
    let n = eq;
    while (n > 0 && eq - n < 100 && FORM_NAME.test(s[n - 1]!)) n--;
    if (n === eq) continue;
    const name = () => percentDecode(s.slice(n, eq).replace(/\+/g, ' '));
    // Stryker disable next-line EqualityOperator: a segment ends on a PAIR_END character or the text's end, never on an `=`
    if (eq >= segmentEnd) {
      close(segmentEnd);
      // The `=` itself ends no segment: the scan starts on it.
      segmentEnd = eq;
      // Stryker disable next-line EqualityOperator: one step past the end reads no character and slices the same value
      while (segmentEnd < s.length && !PAIR_END.includes(s[segmentEnd]!)) segmentEnd++;
      hand(name(), eq + 1, segmentEnd, false);
      continue;
    }
    const nested = name();
    if (!wanted(nested)) continue;
    close(n);
    open = { name: nested, start: eq + 1 };
  }
  close(segmentEnd);
}

/** `Basic <base64>` anywhere: the credential, and through the vault its password and key-user. */
function basicCredentials(s: string, vault: Vault, where: string): void {
  for (const m of s.matchAll(/\bbasic\s+([A-Za-z0-9+/]{4,}={0,2})/gi))
    if (basicParts(m[1]!)) vault.secret(m[1]!, { base: 'BASIC', kind: 'basic', where });
}

export interface Closure {
  vault: Vault;
  budget: Budget;
  /** GraphQL variables passed to secret arguments (`login(password: $p)`): `p` is secret too. */
  secretNames: Set<string>;
  /** Every text read, so each is read once. */
  seen: Set<string>;
}

/** A closure for `texts` root texts (its budget's floor is shared among them). */
export function newClosure(vault: Vault, texts: number): Closure {
  return { vault, budget: new Budget(texts), secretNames: new Set(), seen: new Set() };
}

/** Reads `text` and everything decoded from it, teaching the vault every secret found. */
export function discover(text: string, c: Closure, where: string): void {
  const work: { t: string; path: Layer[] }[] = [{ t: text, path: [] }];
  c.budget.grant(text.length);
  let cut = false;
  while (work.length > 0) {
    const { t, path } = work.pop()!;
    if (t.length < 4 || c.seen.has(t)) continue;
    // Past MAX_SPELLED `\u` layers a value's forms are not indexed (forms.ts): not vouched for.
    if (spelledDepth(path) > MAX_SPELLED) {
      cut = true;
      continue;
    }
    if (!c.budget.take(t.length + 32)) {
      cut = true;
      continue;
    }
    c.seen.add(t);
    // What is too short or read before (the text itself included) is skipped when taken off the list.
    const push = (d: string, layer: Layer) => work.push({ t: d, path: [...path, layer] });
    // Each secret is learned with the decodings that led to it: the vault indexes the forms
    // it takes in the text it came from (forms.ts nestedForms).
    // Forms of values found through `\u` layers are paid for apart (Budget.spelled).
    c.vault.within(
      path,
      () => readOne(t, c, where, push),
      (n) => c.budget.takeSpelled(n),
    );
    if (c.vault.unpaid()) cut = true;
  }
  // A decoding left unread may hold a secret: the whole text is withheld (vault.unread).
  if (cut) c.vault.secret(text, { base: 'UNREAD', kind: 'unread', where: `${where}, not read whole` });
}

/** A letter or digit in a `\u` escape: the text spells characters out that no serialiser must. */
const SPELLED = /\\u00(?:3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a])/i;

/** `\u` layers on a path (forms.ts `unicode`). */
function spelledDepth(path: readonly Layer[]): number {
  let n = 0;
  for (const l of path) if (l === 'unicode') n++;
  return n;
}

/** Secret names are read as camelCase, snake_case or kebab-case alike. */
function secretName(c: Closure, name: string, structured: boolean): boolean {
  // Variables are keys of `variables` as they are named, without the `$` the query writes.
  if (c.secretNames.has(name)) return true;
  return structured ? isSecretStructuredField(name) : isSecretField(name);
}

/** An empty value teaches nothing: vault.secret('') names nothing. */
function learn(c: Closure, name: string, value: string, where: string): void {
  if (/^\$[A-Za-z_]\w*$/.test(value)) {
    // A GraphQL variable in a secret argument: its value, wherever `variables` sits, is secret.
    c.secretNames.add(value.slice(1));
    return;
  }
  c.vault.secret(value, { base: `BODY_${name}`, kind: 'body', where: `${where} field ${name}` });
}

function readOne(t: string, c: Closure, where: string, push: (d: string, layer: Layer) => void): void {
  const { vault } = c;
  const shapes = () => {
    for (const sh of findShapes(t)) vault.secret(t.slice(sh.start, sh.end), { base: sh.base, kind: sh.kind, where });
  };
  // Text with no structure and no encoding holds nothing the shapes do not see.
  // Stryker disable next-line ConditionalExpression: speed only: the readers below find nothing more in such a text
  if (!MAY_NEST.test(t)) return shapes();
  // A text spelling letters or digits in `\u` escapes may spell a value out whole, in a form
  // past the usual growth bound: its decodings are a `unicode` layer, which allows for it.
  const escapes: Layer = SPELLED.test(t) ? 'unicode' : 'js';
  // Named fields first: a secret takes the first name it is learned under, and the field it
  // sits in (WHY403_BODY_ACCESS_TOKEN) says more than its shape (WHY403_JWT).
  readStructured(t, {
    isSecretName: (n) => secretName(c, n, true),
    onSecret: (n, v) => learn(c, n, v, where),
    onString: (d) => {
      // Stryker disable next-line ConditionalExpression: speed only: such a string is read by its shapes alone, which the text's own shapes include
      if (MAY_NEST.test(d)) push(d, escapes);
    },
  });
  shapes();
  // Each reader below scans for its own mark (`basic`, `=`, an escape) and finds nothing without it.
  basicCredentials(t, vault, where);
  const secret = (name: string) => secretName(c, name, false);
  formPairs(t, secret, (name, raw, decoded, nested) => {
    if (secret(name)) {
      learn(c, name, raw, where);
      learn(c, name, decoded, where);
    }
    // A nested value's decoding is a suffix of its outer value's, pushed below.
    if (!nested && decoded !== raw) push(decoded, 'plus');
  });
  // Stryker disable next-line ConditionalExpression,StringLiteral: speed only: a delimiter line starts with `--`
  if (t.includes('--')) {
    const boundary = sniffBoundary(t);
    // Stryker disable next-line ConditionalExpression: no delimiter line, no multipart body (a `--null` in prose is none)
    if (boundary) redactMultipart(t, boundary, vault, where);
  }
  // Stryker disable next-line ConditionalExpression,StringLiteral: speed only: markup without `<` holds no field (its output is dropped here)
  if (t.includes('<')) redactMarkup(t, vault, where);
  // Every encoding the text may carry, decoded and read again (a text without one decodes to
  // itself, which is not read twice).
  push(percentDecode(t), 'percent');
  push(htmlDecode(t), 'html');
  push(unescapeJs(t), escapes);
  for (const d of base64Texts(t)) push(d.text, d.wide ? 'utf16' : 'base64');
  for (const d of hexTexts(t)) push(d, 'hex');
}

/**
 * The text of a HAR base64 body (`encoding: "base64"`), or null when it is not base64. A body
 * that is not text (an image, a font, protobuf) is read as its printable runs, one a line, the
 * way `strings` reads a binary: a secret is printable text, so a token inside a binary message
 * is still found, while the kilobytes of pixels around it are not handed to every reader of the
 * closure (they cost the CLI most of its time on a capture full of images, issue 19).
 */
export function decodedBody(b64: string, form: RecordedForm = 'base64'): string | null {
  // Polly's chunk arrays (base64 or hex) joined and gzip/zlib inflated, as redaction reads them (encoded.ts).
  const content = recordedContentBytes(b64, form, INFLATE_CAP);
  // A body past the cap is withheld whole (encoded.ts): nothing in it is shown, so it is not read.
  if (!content || !content.complete) return null;
  const bytes = content.bytes;
  const text = readableText(bytes);
  if (text !== null) return text;
  return printableRuns(bytes).join('\n');
}

/** Runs of 4+ printable ASCII bytes (the shortest secret the closure hunts is 4 characters). */
function printableRuns(bytes: Uint8Array): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i++) {
    // One step past the end reads as a NUL, which closes the last run.
    const b = bytes[i] ?? 0;
    const printable = b >= 0x20 && b < 0x7f;
    if (printable && start < 0) start = i;
    else if (!printable && start >= 0) {
      if (i - start >= 4) runs.push(latin1(bytes.subarray(start, i)));
      start = -1;
    }
  }
  return runs;
}
