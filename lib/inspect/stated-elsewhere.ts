import type { Exchange } from '../model/exchange';

/**
 * What the server said outside a JSON error body (issue 17): the status line's reason phrase when
 * it is not the standard one ("401 Malformed security token"), and an XML-RPC or SOAP fault,
 * which those protocols send inside an HTTP 200 (XML-RPC spec: "faultCode"/"faultString",
 * http://xmlrpc.com/spec.md; SOAP 1.1 §4.4 faultcode/faultstring,
 * https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383507; SOAP 1.2 Code/Reason,
 * https://www.w3.org/TR/soap12-part1/#soapfault). Both are read as a message, so the wording
 * tables decide what they mean, never this reader.
 */

/** A StatedError of the "message" family (structured-error.ts imports this file, not the reverse). */
export interface StatedMessage {
  family: 'message';
  code: string;
  at: string;
  message: string;
}

// RFC 9110 §15 reason phrases (and the common older ones): a status text that only restates the
// status says nothing more. https://www.rfc-editor.org/rfc/rfc9110#section-15
const STANDARD_PHRASES = new Set(
  [
    'ok',
    'bad request',
    'unauthorized',
    'unauthorised',
    'payment required',
    'forbidden',
    'not found',
    'method not allowed',
    'not acceptable',
    'proxy authentication required',
    'request timeout',
    'conflict',
    'gone',
    'precondition failed',
    'unprocessable entity',
    'unprocessable content',
    'too many requests',
    'page expired',
    'internal server error',
    'bad gateway',
    'service unavailable',
    'gateway timeout',
    'created',
    'accepted',
    'no content',
  ].map((p) => p.replace(/\s+/g, '')),
);

/**
 * A reason phrase this long is a page or a dump, not a message. Servlet containers put the
 * exception's message there (`sendError(401, e.getMessage())`): Apache Shindig's gadget server
 * answers "Malformed security token <the token> com.google.gadgets.auth.AuthTokenException:
 * Unknown token format", 339 characters (test/fixtures/realworld/iiithyd-websec__CORP-Headers).
 */
const PHRASE_MAX = 512;

/** The status text as the server's message, when it says more than the standard phrase. */
export function statusTextError(x: Exchange): StatedMessage | null {
  if (x.status < 400) return null;
  const text = x.statusText.trim();
  if (text.length < 4 || text.length > PHRASE_MAX) return null;
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '' || STANDARD_PHRASES.has(key)) return null;
  return { family: 'message', code: '', at: 'status text', message: text };
}

/** Longer plain text is a page or a trace, not a sentence addressed to the caller. */
const PLAIN_MAX = 300;

/**
 * A short plain-text error body as the server's message ("Invalid username or password",
 * "Permission denied"): many frameworks answer a refusal with one line of text/plain, such as
 * Express's res.status(400).send('…') (https://expressjs.com/en/4x/api.html#res.send). Only
 * text/plain, at most 3 lines, and never a body that only restates the status phrase.
 */
export function plainTextError(x: Exchange): StatedMessage | null {
  if (x.status < 400 || !/^text\/plain\b/i.test(x.body.mimeType)) return null;
  return sentence(x.body.text ?? '', 'body (text/plain)');
}

/**
 * A JSON body that is one string ("Incorrect password") as the server's message, under the same limits as a
 * plain-text line: Express's res.json('…') / res.jsonp('…') sends a sentence so
 * (https://expressjs.com/en/4x/api.html#res.json), and json-server-auth answers every refusal that way
 * (dist/guards.js and users.js: `res.status(401).jsonp('Missing authorization header')`,
 * `res.status(400).jsonp('Incorrect password')`).
 */
export function jsonStringError(x: Exchange): StatedMessage | null {
  const text = x.body.text?.trim() ?? '';
  if (x.status < 400 || !text.startsWith('"') || text.length > PLAIN_MAX + 2) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'string' ? sentence(value, 'body (JSON string)') : null;
}

function sentence(raw: string, at: string): StatedMessage | null {
  const text = raw.trim();
  if (text.length < 4 || text.length > PLAIN_MAX || text.split('\n').length > 3) return null;
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '' || STANDARD_PHRASES.has(key)) return null;
  return { family: 'message', code: '', at, message: text };
}

const FAULT_SCAN = 16 * 1024;
const XMLRPC_FAULT = /<methodResponse[\s>][\s\S]*?<fault[\s>]/i;
const XMLRPC_MEMBER = (name: string) =>
  new RegExp(
    String.raw`<name>\s*${name}\s*</name>\s*<value>\s*(?:<(?:string|int|i4)>)?([^<]{0,600})(?:</(?:string|int|i4)>)?\s*</value>`,
    'i',
  );
const SOAP11 = /<(?:[\w-]{1,30}:)?Fault[\s>][\s\S]*?<faultstring(?:\s[^>]*)?>([^<]{0,600})<\/faultstring>/i;
const SOAP11_CODE = /<faultcode(?:\s[^>]*)?>([^<]{0,120})<\/faultcode>/i;
const SOAP12 =
  /<(?:[\w-]{1,30}:)?Fault[\s>][\s\S]*?<(?:[\w-]{1,30}:)?Reason[\s>][\s\S]*?<(?:[\w-]{1,30}:)?Text(?:\s[^>]*)?>([^<]{0,600})</i;

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** An XML-RPC or SOAP fault in the body, as a stated message (its fault code kept as the code). */
export function xmlFaultError(text: string | null): StatedMessage | null {
  if (!text || !/^\s*</.test(text)) return null;
  const head = text.slice(0, FAULT_SCAN);
  if (XMLRPC_FAULT.test(head)) {
    const message = XMLRPC_MEMBER('faultString').exec(head)?.[1];
    if (!message) return null;
    // The fault code stays in `at` for the evidence: numeric fault codes are each server's own.
    const code = XMLRPC_MEMBER('faultCode').exec(head)?.[1]!.trim(); // the group always takes part in a match
    return { family: 'message', code: '', at: `XML-RPC fault${code ? ` ${code}` : ''}`, message: unescapeXml(message) };
  }
  const soap = SOAP11.exec(head) ?? SOAP12.exec(head);
  if (soap) {
    const code = SOAP11_CODE.exec(head)?.[1]!.trim();
    return { family: 'message', code: '', at: `SOAP Fault${code ? ` ${code}` : ''}`, message: unescapeXml(soap[1]!) };
  }
  return null;
}
