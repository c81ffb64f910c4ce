import type { HarEntry } from '../har/types';
import { plainOf } from '../redact';
import { isForbiddenHeader } from '../replay/forbidden';
import { commentBlock, commentLines, fetchableBody, refusal, secretLines } from './comments';
import { fetchMethodProblem, fetchUrlNote, jsBody, jsExpr, jsHeaderValue, jsString, PRINT_RESPONSE } from './js';
import { buildExportRequest } from './request';
import type { ExportOptions, ExportRequest } from './types';

/** The page that made the request: its Origin header, else its Referer's origin (plain text only). */
function pageOrigin(req: ExportRequest): string | undefined {
  const text = (name: string) => {
    const h = req.headers.find((x) => x.name.toLowerCase() === name);
    return h ? plainOf(h.value) : null;
  };
  const origin = text('origin');
  if (origin && origin !== 'null') return origin;
  try {
    // Stryker disable next-line StringLiteral: no Referer and any other text that is not a URL name no page alike
    return new URL(text('referer') ?? '').origin;
  } catch {
    // no Referer, or one that is not a URL: no page to name
  }
}

export function renderFetch(req: ExportRequest): string {
  const what = 'fetch() for the browser console';
  const refused = req.refused.length > 0 ? req.refused : [fetchMethodProblem(req.method)].filter((p) => p !== null);
  if (refused.length > 0) return refusal(req, what, refused, 'js');
  const out = commentLines(req, what);
  const urlNote = fetchUrlNote(req.url);
  if (urlNote) out.push(urlNote);
  const ref = (n: string) => n;
  const origin = pageOrigin(req);
  out.push(
    `Run it in the DevTools console of a page on ${origin ?? 'the origin that made the request'}: ` +
      `the page's origin decides CORS, as it did.`,
  );
  const forbidden = req.headers.filter((h) => isForbiddenHeader(h.name)).map((h) => h.name.toLowerCase());
  if (forbidden.length > 0)
    out.push(`The browser sets these itself and fetch() cannot: ${[...new Set(forbidden)].join(', ')}.`);
  const body = fetchableBody(req, out);
  if (req.secrets.length > 0)
    out.push('Fill in these placeholders first, with the values of the original request:', ...secretLines(req));
  const lines = commentBlock(out, 'js');
  if (req.secrets.length > 0) {
    for (const s of req.secrets) lines.push(`const ${s.name} = ${jsString(`<${s.name}>`)};`);
    lines.push(
      `for (const [name, value] of Object.entries({ ${req.secrets.map((s) => s.name).join(', ')} ` +
        `})) if (value === \`<\${name}>\`) throw new Error(\`fill in \${name} first\`);`,
    );
  }
  const init: string[] = [`  method: ${jsString(req.method)},`];
  const sent = req.headers.filter((h) => !isForbiddenHeader(h.name));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty headers list sends what no list does
  if (sent.length > 0)
    init.push(
      '  headers: [',
      ...sent.map(
        (h) =>
          `    [${jsString(h.name)}, ${jsHeaderValue(h.value, ref, (e) => `String.fromCharCode(...new TextEncoder().encode(${e}))`)}],`,
      ),
      '  ],',
    );
  // Only the readable form hangs on it: beside a Content-Type a string body sends the bytes its
  // encoding would, so hasType read as false is equivalent; read as true wrongly, it is not (fetch
  // would add text/plain;charset=UTF-8: the hostile case text-body-without-content-type).
  // Stryker disable next-line ArrowFunction,ConditionalExpression,MethodExpression,StringLiteral: see above
  const hasType = sent.some((h) => h.name.toLowerCase() === 'content-type');
  if (body)
    init.push(
      `  body: ${jsBody(body, hasType, ref, (b64) => `Uint8Array.from(atob(${jsString(b64)}), (c) => c.charCodeAt(0))`)},`,
    );
  if (req.headers.some((h) => h.name.toLowerCase() === 'cookie')) init.push('  credentials: "include",');
  const referer = req.headers.find((h) => h.name.toLowerCase() === 'referer');
  if (referer) init.push(`  referrer: ${jsExpr(referer.value, ref)},`);
  lines.push(`fetch(${jsExpr(req.url, ref)}, {`, ...init, `})${PRINT_RESPONSE[0]}`, ...PRINT_RESPONSE.slice(1));
  return lines.join('\n') + '\n';
}

/** Browser fetch(): what a page can send; headers only the browser may set are named, not sent. */
export function toFetch(entry: HarEntry, options: ExportOptions = {}): string {
  return renderFetch(buildExportRequest(entry, options));
}
