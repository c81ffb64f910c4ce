import { joinText, type Text } from './pieces';
import { isSecretField, isSecretStructuredField } from './names';
import { looksRandom } from './shapes';
import type { Vault } from './vault';

// XML and HTML bodies, scanned by hand in one pass (a regex with a back-reference and
// `[^>]*` retries from every '<' of a crafted body):
// - `<password>…</password>`, `<wsse:Password …>…</wsse:Password>`: SOAP and XML logins;
// - `<input type="hidden" name="SAMLResponse" value="…">` (SAML POST binding), anti-forgery
//   inputs (__RequestVerificationToken, csrfmiddlewaretoken, authenticity_token), __VIEWSTATE;
// - `<meta name="csrf-token" content="…">` (Rails, Laravel).

const isNameChar = (c: string | undefined) => c !== undefined && /[\w.:-]/.test(c);
const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

interface Attr {
  name: string;
  value: string;
  /** Where the value's characters are (inside the quotes). */
  start: number;
  end: number;
}

interface Tag {
  name: string;
  close: boolean;
  attrs: Attr[];
  /** Index just past '>' (or where the scan stopped). */
  end: number;
}

/** Reads the tag starting at `s[lt] === '<'`; stops at '>' or at the next '<' (broken markup). */
function readTag(s: string, lt: number): Tag | null {
  let i = lt + 1;
  const close = s[i] === '/';
  if (close) i++;
  const nameStart = i;
  while (isNameChar(s[i])) i++;
  if (i === nameStart) return null;
  const tag: Tag = { name: s.slice(nameStart, i), close, attrs: [], end: i };
  while (i < s.length && s[i] !== '>' && s[i] !== '<') {
    // Whitespace, '/' and a stray '=' stop a name before it starts: skipped one at a time below.
    const an = i;
    while (i < s.length && !isWs(s[i]) && s[i] !== '=' && s[i] !== '>' && s[i] !== '<' && s[i] !== '/') i++;
    const name = s.slice(an, i);
    if (i === an) {
      i++;
      continue;
    }
    while (isWs(s[i])) i++;
    if (s[i] !== '=') {
      // Stryker disable next-line StringLiteral: a valueless attribute spans no characters, and take() keeps an empty span as it is
      tag.attrs.push({ name, value: '', start: i, end: i });
      continue;
    }
    i++;
    while (isWs(s[i])) i++;
    const q = s[i];
    if (q === '"' || q === "'") {
      const close = s.indexOf(q, i + 1);
      if (close === -1) {
        // Unterminated: the rest is this value for the page, but later tags are still read.
        tag.attrs.push({ name, value: s.slice(i + 1), start: i + 1, end: s.length });
        // Stryker disable next-line UpdateOperator: the scan resumes at the next '<' after the quote either way (none lies between)
        i++;
        break;
      }
      tag.attrs.push({ name, value: s.slice(i + 1, close), start: i + 1, end: close });
      i = close + 1;
    } else {
      const start = i;
      while (i < s.length && !isWs(s[i]) && s[i] !== '>' && s[i] !== '<') i++;
      tag.attrs.push({ name, value: s.slice(start, i), start, end: i });
    }
  }
  tag.end = s[i] === '>' ? i + 1 : i;
  return tag;
}

const CDATA = '<![CDATA[';

const attr = (t: Tag, name: string) => t.attrs.find((a) => a.name.toLowerCase() === name);

/** The value attribute an input or meta tag must not show, with the field's name. */
function formSecret(t: Tag): { field: string; value: Attr } | null {
  const tag = t.name.toLowerCase();
  if (tag === 'input') {
    const value = attr(t, 'value');
    const field = attr(t, 'name')?.value ?? attr(t, 'id')?.value ?? '';
    // Stryker disable next-line ConditionalExpression,StringLiteral: an empty value spans no characters; take() would keep it as it is
    if (!value || value.value === '') return null;
    // Stryker disable next-line StringLiteral: any default that is neither password nor hidden reads the same
    const type = (attr(t, 'type')?.value ?? '').toLowerCase();
    if (type === 'password' || isSecretField(field)) return { field: field || 'input', value };
    // A hidden input carries server state: named like a secret, or shaped like one.
    if (type === 'hidden' && (looksRandom(value.value) || value.value.length >= 64))
      return { field: field || 'hidden', value };
    return null;
  }
  if (tag === 'meta') {
    const content = attr(t, 'content');
    // Stryker disable next-line StringLiteral: a default name that is not secret reads the same as ''
    const field = attr(t, 'name')?.value ?? attr(t, 'property')?.value ?? '';
    // Stryker disable next-line ConditionalExpression,StringLiteral: an empty content spans no characters; take() would keep it as it is
    return content && content.value !== '' && isSecretField(field) ? { field, value: content } : null;
  }
  return null;
}

/** Redacts secret XML elements and HTML form values in place. */
export function redactMarkup(text: string, vault: Vault, where: string): Text {
  const out: Text = [];
  let last = 0;
  // The last start tag, while only text has followed it: `<name>text</name>`.
  let open: { name: string; contentStart: number } | null = null;
  const take = (start: number, end: number, field: string, kind: string) => {
    // A value starting inside one already taken (an unterminated quote ran over it) is in it.
    // An empty span costs nothing: vault.secret('') is ''.
    if (start < last) return;
    out.push(
      text.slice(last, start),
      vault.secret(text.slice(start, end), { base: `BODY_${field}`, kind: 'body', where: `${where} ${kind} ${field}` }),
    );
    last = end;
  };
  // A CDATA section is text, '<' included (`<password><![CDATA[p<ss]]></password>`): tags inside
  // it neither open nor close an element, so a secret element's CDATA is hidden whole. Form
  // values inside it are still hidden. One without `]]>` is read as markup (HTML reads it as a
  // bogus comment ending at the first '>'); `cdataOpen` remembers that no `]]>` follows, so a
  // text of many unterminated sections is still scanned once.
  let cdataEnd = -1;
  let cdataOpen = false;
  for (let lt = text.indexOf('<'); lt !== -1;) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: speed only; a CDATA opening inside another finds the same ']]>', and after an unterminated one none is found again
    if (!cdataOpen && lt >= cdataEnd && text.startsWith(CDATA, lt)) {
      const end = text.indexOf(']]>', lt + CDATA.length);
      // Stryker disable next-line ConditionalExpression,UnaryOperator,BooleanLiteral: speed only (see cdataOpen)
      if (end === -1) cdataOpen = true;
      else cdataEnd = end + 3;
    }
    const t = readTag(text, lt);
    if (!t) {
      lt = text.indexOf('<', lt + 1);
      continue;
    }
    if (!t.close) {
      const form = formSecret(t);
      if (form) take(form.value.start, form.value.end, form.field, 'form field');
    }
    if (lt < cdataEnd) {
      // Inside CDATA: text, not a tag that opens or closes an element.
    } else if (t.close) {
      if (open && open.name === t.name) {
        const local = t.name.slice(t.name.indexOf(':') + 1);
        // After a form value taken inside its CDATA, the rest of the element is hidden.
        if (isSecretStructuredField(local)) take(Math.max(open.contentStart, last), lt, local, 'element');
      }
      open = null;
      // Stryker disable next-line ConditionalExpression: a tag cut short by '<' opens nothing either way: its content would end where it starts
    } else open = text[t.end - 1] === '>' && text[t.end - 2] !== '/' ? { name: t.name, contentStart: t.end } : null;
    // Stryker disable next-line ArithmeticOperator: t.end is past lt + 1 whatever is added to lt
    lt = text.indexOf('<', Math.max(t.end, lt + 1));
  }
  out.push(text.slice(last));
  return joinText(out);
}
