// Vendors' wording reaches us HTML-escaped ("don&#39;t"), JSON-escaped ("don\u0027t",
// "\n") or with typographic quotes. Signatures are written against plain text, so bodies are
// unescaped once before matching.

const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['rsquo', "'"],
  ['lsquo', "'"],
  ['ldquo', '"'],
  ['rdquo', '"'],
  ['hellip', '…'],
  ['mdash', '—'],
  ['ndash', '–'],
  ['middot', '·'],
]);

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // fromCodePoint throws outside the Unicode range; an unknown entity stays as written.
    if (!Number.isFinite(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    const ch = String.fromCodePoint(code);
    return ch === '\u2019' || ch === '\u2018' ? "'" : ch;
  }
  return NAMED.get(body.toLowerCase()) ?? whole;
}

function decodeJsonEscape(_whole: string, hex: string | undefined, ch: string | undefined): string {
  if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
  if (ch === 'n' || ch === 'r' || ch === 't') return ' ';
  // The pattern always captures one of the two groups, so `ch` is defined here; `?? ''` only types it.
  // Stryker disable next-line LogicalOperator,StringLiteral: unreachable fallback (see above)
  return ch ?? '';
}

/** Plain text for matching. Never throws; returns the input when there is nothing to decode. */
export function normalizeBody(text: string): string {
  let out = text;
  if (out.includes('\\')) out = out.replace(/\\(?:u([0-9a-fA-F]{4})|([nrt"/\\]))/g, decodeJsonEscape);
  if (out.includes('&')) out = out.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, decodeEntity);
  if (/[\u2018\u2019]/.test(out)) out = out.replace(/[\u2018\u2019]/g, "'");
  return out;
}
