import type { Exchange } from '../model/exchange';

/**
 * A request that breaks the HTTP policy a web application firewall enforces, with nothing
 * attack-shaped in it. The OWASP Core Rule Set refuses such requests at its default paranoia level
 * and, like its attack rules, answers with the server's ordinary 403 page (issue 17's lab: Apache
 * httpd with ModSecurity 2 and CRS 3.3.4 refused both kinds below with Apache's own page).
 *
 * - 920170 / 920171: a GET or HEAD request with a body (Content-Length above 0, or Transfer-Encoding).
 *   https://github.com/coreruleset/coreruleset/blob/v3.3.4/rules/REQUEST-920-PROTOCOL-ENFORCEMENT.conf
 * - 920420: a Content-Type outside `tx.allowed_request_content_type`; 920480: a charset outside
 *   `tx.allowed_request_content_type_charset`. The lists are CRS's defaults (rules 900220 and 900270,
 *   https://github.com/coreruleset/coreruleset/blob/v3.3.4/rules/REQUEST-901-INITIALIZATION.conf); a
 *   site may widen them, which is why this reading only ranks above a bare page and never flags.
 */
export interface ProtocolAnomaly {
  /** The CRS rule that refuses it, for the evidence ("920170"). */
  rule: string;
  what: string;
  where: 'request.line' | 'request.header';
  sample: string;
}

const ALLOWED_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/related',
  'text/xml',
  'application/xml',
  'application/soap+xml',
  'application/json',
  'application/cloudevents+json',
  'application/cloudevents-batch+json',
]);
const ALLOWED_CHARSETS = new Set(['utf-8', 'iso-8859-1', 'iso-8859-15', 'windows-1252']);

function bodyOnGet(x: Exchange): ProtocolAnomaly | null {
  if (x.method !== 'GET' && x.method !== 'HEAD') return null;
  const length = x.req.get('content-length');
  // CRS 920170 refuses any Content-Length but 0 on a GET or HEAD; one that is no decimal number at all
  // ("0x10", "1e3") never got past the server's own parser to the firewall.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the pattern reads undefined as "undefined", no length
  if (length !== undefined && /^\s*0*[1-9]\d*\s*$/.test(length))
    return {
      rule: '920170',
      what: `a ${x.method} request with a body`,
      where: 'request.header',
      sample: `Content-Length: ${length.trim()}`,
    };
  const te = x.req.get('transfer-encoding');
  if (te !== undefined)
    return {
      rule: '920171',
      what: `a ${x.method} request with a body`,
      where: 'request.header',
      sample: `Transfer-Encoding: ${te.slice(0, 40)}`,
    };
  return null;
}

function contentType(x: Exchange): ProtocolAnomaly | null {
  // CRS checks the header only on requests that carry one; a browser's bodiless GET sends none.
  const raw = x.req.get('content-type');
  if (raw === undefined) return null;
  // Stryker disable next-line StringLiteral: split() always gives a first element; the default only types it
  const [type = '', ...params] = raw.split(';');
  const mime = type.trim().toLowerCase();
  const sample = `Content-Type: ${raw.slice(0, 80)}`;
  if (mime && !ALLOWED_TYPES.has(mime))
    return {
      rule: '920420',
      what: `a Content-Type (${mime.slice(0, 60)}) outside the Core Rule Set's default list`,
      where: 'request.header',
      sample,
    };
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]*)/i.exec(p);
    if (m && !ALLOWED_CHARSETS.has(m[1]!.toLowerCase()))
      return {
        rule: '920480',
        what: `a charset (${m[1]!.slice(0, 40)}) outside the Core Rule Set's default list`,
        where: 'request.header',
        sample,
      };
  }
  return null;
}

/** The first policy the request breaks, or null. */
export function protocolAnomalyOf(x: Exchange): ProtocolAnomaly | null {
  return bodyOnGet(x) ?? contentType(x);
}
