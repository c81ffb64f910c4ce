import type { HarEntry } from '../har/types';
import { commentBlock, commentLines, fetchableBody, refusal, secretLines } from './comments';
import { fetchMethodProblem, fetchUrlNote, jsBody, jsExpr, jsHeaderValue, jsString, PRINT_RESPONSE } from './js';
import { buildExportRequest } from './request';
import type { ExportOptions, ExportRequest } from './types';

// Node's fetch (undici) picks Host from the URL and refuses Expect.
const NODE_CANNOT = new Set(['host', 'expect']);

export function renderNode(req: ExportRequest): string {
  const what = 'Node.js 18+ fetch';
  const refused = req.refused.length > 0 ? req.refused : [fetchMethodProblem(req.method)].filter((p) => p !== null);
  if (refused.length > 0) return refusal(req, what, refused, 'js');
  const out = commentLines(req, what);
  const urlNote = fetchUrlNote(req.url);
  if (urlNote) out.push(urlNote);
  out.push(
    'Save as request.js and run `node request.js`. Node adds accept-language, sec-fetch-mode, ' +
      'accept-encoding and user-agent when the request has none.',
  );
  const skipped = req.headers.filter((h) => NODE_CANNOT.has(h.name.toLowerCase())).map((h) => h.name);
  if (skipped.length > 0) out.push(`Node's fetch cannot send: ${skipped.join(', ')}.`);
  const body = fetchableBody(req, out);
  if (req.secrets.length > 0)
    out.push('Set these environment variables first, to the values of the original request:', ...secretLines(req));
  const lines = commentBlock(out, 'js');
  const ref = (n: string) => `env(${jsString(n)})`;
  if (req.secrets.length > 0) {
    lines.push(
      'const env = (name) => { const v = process.env[name]; if (v === undefined) throw new Error(`set ${name} first`); return v; };',
    );
  }
  const sent = req.headers.filter((h) => !NODE_CANNOT.has(h.name.toLowerCase()));
  const init: string[] = [`  method: ${jsString(req.method)},`];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty headers list sends what no list does
  if (sent.length > 0)
    init.push(
      '  headers: [',
      ...sent.map(
        (h) =>
          `    [${jsString(h.name)}, ${jsHeaderValue(h.value, ref, (e) => `Buffer.from(${e}, "utf8").toString("latin1")`)}],`,
      ),
      '  ],',
    );
  // Only the readable form hangs on it: beside a Content-Type a string body sends the bytes its
  // encoding would, so hasType read as false is equivalent; read as true wrongly, it is not (fetch
  // would add text/plain;charset=UTF-8: the hostile case text-body-without-content-type).
  // Stryker disable next-line ArrowFunction,ConditionalExpression,MethodExpression,StringLiteral: see above
  const hasType = sent.some((h) => h.name.toLowerCase() === 'content-type');
  if (body) init.push(`  body: ${jsBody(body, hasType, ref, (b64) => `Buffer.from(${jsString(b64)}, "base64")`)},`);
  lines.push(`fetch(${jsExpr(req.url, ref)}, {`, ...init, `})${PRINT_RESPONSE[0]}`, ...PRINT_RESPONSE.slice(1));
  return lines.join('\n') + '\n';
}

/** A Node 18+ script using the built-in fetch, reading secrets from the environment. */
export function toNode(entry: HarEntry, options: ExportOptions = {}): string {
  return renderNode(buildExportRequest(entry, options));
}
