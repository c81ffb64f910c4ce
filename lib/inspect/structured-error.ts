import type { Exchange } from '../model/exchange';
import { jsonStringError, plainTextError, statusTextError, xmlFaultError } from './stated-elsewhere';
import { socketIoConnectError } from './socket-io';
import { parseJsonBody, type Json } from './json-body';
import { code, isObj, items, push, str, type Obj } from './json-fields';
import { graphqlErrors, payloadErrors } from './graphql-errors';
import type { ErrorFamily, StatedError } from './stated-error';
import { envelopeOf } from './envelope';

export { jsonDepth, parseJsonBody, STRUCTURED_DEPTH, STRUCTURED_MAX } from './json-body';

// Reads a response's structured statement of why it refused (the shapes are in stated-error.ts).
export type { ErrorFamily, StatedError } from './stated-error';

const SNAKE = /^[a-z][a-z0-9_]*$/;

/** Google AIP-193 (error.status, error.details[].reason) and the legacy error.errors[].reason. */
function google(err: Obj, out: StatedError[]): boolean {
  const status = code(err.status);
  const details = items(err.details);
  const legacy = items(err.errors);
  const googleStatus = /^[A-Z][A-Z_]+$/.test(status ?? '');
  if (!googleStatus && !legacy.some((e) => isObj(e) && typeof e.reason === 'string')) return false;
  const message = str(err.message);
  details.forEach((d, i) => {
    if (isObj(d)) push(out, 'google', code(d.reason), `/error/details/${i}/reason`, message);
  });
  legacy.forEach((e, i) => {
    if (isObj(e)) push(out, 'google', code(e.reason), `/error/errors/${i}/reason`, str(e.message) ?? message);
  });
  // Firebase Auth and Identity Toolkit put their code in the message: "TOKEN_EXPIRED",
  // "TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled…".
  const inMessage = message ? /^([A-Z][A-Z0-9_]{3,80})(?:\s*:\s*(.*))?$/.exec(message) : null;
  if (inMessage) push(out, 'google', inMessage[1], '/error/message', inMessage[2] ?? message);
  if (googleStatus) push(out, 'google', status, '/error/status', message);
  return true;
}

/** OData / Graph / ARM: error.code, then the innerError chain and details[].code (most specific first). */
function odata(err: Obj, base: string, out: StatedError[]): void {
  const found: StatedError[] = [];
  const message = str(err.message);
  push(found, 'odata', code(err.code), `${base}/code`, message);
  // ARM nests the precise reason in details[]; Graph and OData in innerError(s).
  items(err.details).forEach((d, i) => {
    if (isObj(d)) push(found, 'odata', code(d.code), `${base}/details/${i}/code`, str(d.message) ?? message);
  });
  let inner: Json | undefined = err.innerError ?? err.innererror ?? err.InnerError;
  let at = `${base}/innerError`;
  for (let depth = 0; depth < 6 && isObj(inner); depth++) {
    push(found, 'odata', code(inner.code), `${at}/code`, str(inner.message) ?? message);
    inner = inner.innerError ?? inner.innererror;
    at += '/innerError';
  }
  // Inner codes refine the outer one: list them first.
  out.push(...found.slice(1).reverse(), ...found.slice(0, 1));
}

function jsonapiErrors(list: Json[], out: StatedError[]): void {
  list.forEach((e, i) => {
    if (!isObj(e)) return;
    const message = str(e.detail) ?? str(e.title);
    const c = code(e.code) ?? code(e.title);
    push(out, 'jsonapi', c, `/errors/${i}/${e.code !== undefined ? 'code' : 'title'}`, message);
    // The member's status is a string of the HTTP status that applied (JSON:API §7.2).
    if (typeof e.status === 'string' && /^4\d\d$/.test(e.status)) push(out, 'jsonapi', e.status, `/errors/${i}/status`);
  });
}

/**
 * tRPC's error (https://trpc.io/docs/server/error-formatting): a JSON-RPC-style `error` whose `data` names the
 * tRPC code and the HTTP status it stands for. Its numeric `code` (-32001) is the JSON-RPC one, read by no table.
 */
function trpc(err: Obj, base: string, out: StatedError[]): boolean {
  const data = isObj(err.data) ? err.data : undefined;
  if (typeof data?.code !== 'string' || typeof data.httpStatus !== 'number' || typeof err.code !== 'number')
    return false;
  push(out, 'trpc', code(data.code), `${base}/error/data/code`, str(err.message));
  return true;
}

/**
 * The item of a JSON array that speaks: some gateways wrap one error in [ … ]; a batch (tRPC's httpBatchLink,
 * JSON-RPC 2.0 §6) answers one item per call, and the first item holding an `error` is the refused call.
 */
function rootOf(j: Json): { root: Json; base: string } {
  if (!Array.isArray(j)) return { root: j, base: '' };
  const list = items(j);
  const i = list.findIndex((e) => isObj(e) && e.error !== undefined);
  return i > 0 ? { root: list[i]!, base: `/${i}` } : { root: isObj(j[0]) ? j[0] : j, base: '' };
}

/** Reads one parsed JSON body. Exported for tests. */
export function readJsonError(j: Json): StatedError[] {
  const out: StatedError[] = [];
  const { root, base } = rootOf(j);
  if (!isObj(root)) return out;
  const err = root.error;
  // Spring Boot: "error" is the reason phrase ("Forbidden"), not a code; "message" explains.
  if (typeof root.timestamp !== 'undefined' && typeof root.status === 'number' && typeof root.path === 'string') {
    push(out, 'spring', code(root.error), '/error', str(root.message) ?? str(root.error));
    return out;
  }
  if (typeof root.__type === 'string') {
    const t = root.__type.split('#').pop()!.split(':')[0]!;
    push(out, 'aws', code(t), '/__type', str(root.message) ?? str(root.Message));
  }
  if (typeof err === 'string') {
    const family: ErrorFamily = root.ok === false ? 'envelope' : 'oauth';
    if (SNAKE.test(err.trim()) || family === 'envelope')
      push(out, family, code(err), '/error', str(root.error_description) ?? str(root.message));
  } else if (isObj(err)) {
    if (!trpc(err, base, out) && !google(err, out)) odata(err, '/error', out);
    if (typeof err.type === 'string' && err.code === undefined)
      push(out, 'odata', code(err.type), '/error/type', str(err.message));
  } else if (isObj(root['odata.error'])) odata(root['odata.error'], '/odata.error', out);
  // (An empty or absent list reads as nothing in each branch.)
  const errors = items(root.errors);
  if (root.success === false || root.ok === false) {
    errors.forEach((e, i) => {
      if (!isObj(e)) return;
      // Cloudflare's v4 API nests the precise reason in error_chain: {"code":6003,"message":"Invalid request
      // headers","error_chain":[{"code":6111,"message":"Invalid format for Authorization header"}]}. Inner codes
      // refine the outer one: list them first (https://developers.cloudflare.com/fundamentals/api/troubleshooting/).
      items(e.error_chain).forEach((c, j) => {
        if (isObj(c)) push(out, 'envelope', code(c.code), `/errors/${i}/error_chain/${j}/code`, str(c.message));
      });
      push(out, 'envelope', code(e.code), `/errors/${i}/code`, str(e.message));
    });
  } else if (errors.some((e) => isObj(e) && typeof e.message === 'string' && !('status' in e) && !('title' in e)))
    graphqlErrors(errors, out);
  else jsonapiErrors(errors, out);
  if (isObj(root.data)) payloadErrors(root.data, out);
  // RFC 9457: "type" (a URI) names the problem; "title" summarises it; "detail" explains. (Without
  // a type or a title, nothing below is pushed.)
  if (
    err === undefined &&
    (typeof root.status === 'number' || typeof root.detail === 'string' || typeof root.title === 'string') &&
    !('__type' in root)
  ) {
    // Falcon's error body is {"title", "description"} (falcon.HTTPError.to_dict,
    // https://falcon.readthedocs.io/en/3.1.1/api/errors.html): the description is its "detail".
    const message = str(root.detail) ?? str(root.description) ?? str(root.title);
    const t = typeof root.type === 'string' ? root.type : '';
    if (t && t !== 'about:blank') push(out, 'problem', code(t), '/type', message);
    push(out, 'problem', code(root.title), '/title', message);
  }
  // A top-level code beside a message ({"code":"…","message":"…"}, {"errorCode":"…"}, Duo's
  // {"code":40103,"message":…,"stat":"FAIL"}).
  // APIs that answer 200 with an envelope name the message msg/errmsg (WeChat, many others) or
  // errorMessage; Tencent Cloud nests {"Response":{"Error":{"Code","Message"}}}.
  const message =
    str(root.message) ??
    str(root.msg) ??
    str(root.errmsg) ??
    str(root.errMsg) ??
    str(root.error_msg) ??
    str(root.errorMessage) ??
    str(root.error_message) ??
    str(root.Message) ??
    str(root.errorSummary) ??
    str(root.error_description) ??
    str(root.detail);
  const tencent = isObj(root.Response) && isObj(root.Response.Error) ? root.Response.Error : undefined;
  if (tencent && out.length === 0) push(out, 'code', code(tencent.Code), '/Response/Error/Code', str(tencent.Message));
  if (out.length === 0) {
    // Parse and LeanCloud: {"code":211,"error":"Could not find user."}, the sentence in "error".
    const said = message ?? str(err);
    for (const k of ['code', 'errorCode', 'error_code', 'errcode', 'errCode']) {
      const c = code(root[k]);
      if (c !== undefined && (typeof root[k] === 'string' || said !== undefined)) {
        push(out, 'code', c, `/${k}`, said);
        break;
      }
    }
  }
  // An envelope that repeats an HTTP refusal status under another key ({"status":403,"msg":…}).
  const envelope = out.length === 0 ? envelopeOf(root) : null;
  if (envelope?.http) push(out, 'code', String(envelope.http), envelope.at, message);
  // Nothing coded: the message alone is still the server's statement.
  if (out.length === 0) {
    // The most explanatory field first: error.message, message/detail, then "error" or "errors" as text.
    const candidates: [string, string | undefined][] = [
      ['/error/message', isObj(err) ? str(err.message) : undefined],
      ['/message', message],
      ['/error', str(err)], // a sentence, or OData v3's {lang, value}
      ['/errors', str(root.errors)],
      // HashiCorp Vault and Consul: {"errors":["permission denied"]}, a list of sentences
      // (https://developer.hashicorp.com/vault/api-docs#error-response).
      ['/errors/0', str(items(root.errors)[0])],
      // Django REST framework puts errors that are no one field's under NON_FIELD_ERRORS_KEY
      // (https://www.django-rest-framework.org/api-guide/settings/#non_field_errors_key):
      // obtain_auth_token's "Unable to log in with provided credentials." is one.
      ['/non_field_errors/0', str(items(root.non_field_errors)[0])],
    ];
    const found = candidates.find(([, t]) => t !== undefined);
    if (found) push(out, 'message', '', found[0], found[1]);
  }
  return out;
}

const XML_CODE = /<Code>\s*([A-Za-z0-9_.:-]{1,120})\s*<\/Code>/;
const XML_ERROR = /<(?:\w{1,20}:)?Error(?:Response)?[\s>]/;
const XML_MESSAGE = /<Message>([^<]{0,600})<\/Message>/;

/** What the response states, from its headers and body. Computed once per body. */
export function readStatedErrors(x: Exchange): StatedError[] {
  const out: StatedError[] = [];
  const text = x.body.text;
  const j = parseJsonBody(text);
  if (j !== undefined) out.push(...readJsonError(j));
  else if (text?.trimStart().startsWith('<') && XML_ERROR.test(text.slice(0, 1024))) {
    const head = text.slice(0, 8192);
    const c = XML_CODE.exec(head);
    if (c) out.push({ family: 'aws', code: c[1]!, at: '<Error><Code>', message: XML_MESSAGE.exec(head)?.[1]!.trim() });
  }
  const h = x.res.get('x-amzn-errortype');
  if (h) {
    const t = code(h.split(':')[0]!.split('#').pop());
    // API Gateway and Lambda URLs send the code in the header and only {"message"} in the body.
    const root = isObj(j) ? j : undefined;
    const message = root ? (str(root.message) ?? str(root.Message)) : undefined;
    if (t && !out.some((e) => e.code === t))
      out.unshift({ family: 'aws', code: t, at: 'x-amzn-ErrorType', ...(message ? { message } : {}) });
  }
  // Said elsewhere, read last so a structured code still speaks first. (A fault is XML, so never
  // a body that parsed as JSON.)
  const fault = xmlFaultError(text) ?? socketIoConnectError(x);
  if (fault) out.push(fault);
  const plain = j === undefined ? (plainTextError(x) ?? jsonStringError(x)) : null;
  if (plain) out.push(plain);
  const phrase = statusTextError(x);
  if (phrase) out.push(phrase);
  return out;
}

const cache = new WeakMap<object, StatedError[]>();

/** readStatedErrors, memoised on the body (the panel re-reads a body after fetching it). */
export function statedErrorsOf(x: Exchange): StatedError[] {
  const found = cache.get(x.body) ?? readStatedErrors(x);
  cache.set(x.body, found);
  return found;
}
