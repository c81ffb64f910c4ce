import type { Json } from './json-body';
import { isObj, type Obj } from './json-fields';

/**
 * An error envelope: the JSON an API sends with HTTP 200 to say the call failed (issue 17's
 * "refusal hidden in a 200"). Many APIs keep the transport at 200 and put the outcome in the body:
 * - a failure flag: `{"success":false}`, `{"ok":false}`, `{"status":"error"}`, `{"stat":"fail"}`
 *   (Flickr, https://www.flickr.com/services/api/response.json.html), JSON-RPC 2.0's `error` member
 *   (https://www.jsonrpc.org/specification#response_object);
 * - an HTTP refusal status repeated in the body, `{"code":401,"msg":"…"}`, common in APIs that
 *   always answer 200;
 * - Tencent Cloud API 3.0's `{"Response":{"Error":{"Code","Message"}}}`
 *   (https://www.tencentcloud.com/document/api/213/33281).
 * Reading the envelope only says the call failed; whether it was refused is the message's or the
 * code's to say (diagnose/stated-refusal.ts).
 */
export interface Envelope {
  /** The body says the call failed (a flag, a JSON-RPC error, an Error object). */
  failed: boolean;
  /** An HTTP refusal status the body repeats (401, 403, 407, 429), or null. */
  http: number | null;
  /** Where that status was read (a JSON pointer). */
  at: string;
}

const FAILED = /^(?:error|errors|fail|failed|failure|denied|unauthori[sz]ed|forbidden|ko)$/i;
const HTTP_REFUSALS: ReadonlySet<number> = new Set([401, 403, 407, 429]);
const STATUS_KEYS = [
  'code',
  'status',
  'statusCode',
  'status_code',
  'errcode',
  'errCode',
  'error_code',
  'errorCode',
  'httpStatus',
  'http_status',
  'httpCode',
  'http_code',
] as const;

/** The object that holds the outcome: the root, or Tencent Cloud's `Response`. */
function holder(root: Obj): { o: Obj; base: string } {
  return isObj(root.Response) ? { o: root.Response, base: '/Response' } : { o: root, base: '' };
}

function httpStatusIn(o: Obj): { http: number; key: string } | null {
  for (const key of STATUS_KEYS) {
    const v = o[key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{3}\s*$/.test(v) ? Number(v) : NaN;
    if (HTTP_REFUSALS.has(n)) return { http: n, key };
  }
  // tRPC's error names the status its call stands for under error.data.httpStatus
  // (https://trpc.io/docs/server/error-formatting), also inside a 207 batch.
  const data = isObj(o.error) && isObj(o.error.data) ? o.error.data : undefined;
  const n = data?.httpStatus;
  if (typeof n === 'number' && HTTP_REFUSALS.has(n)) return { http: n, key: 'error/data/httpStatus' };
  return null;
}

/** Reads a parsed body as an error envelope, or null when it is not one. */
export function envelopeOf(j: Json | undefined): Envelope | null {
  // A one-item array is a gateway's wrapper. A longer one is a batch (tRPC's httpBatchLink, JSON-RPC 2.0 §6),
  // one item per call: only an item carrying an `error` object speaks for a refused call, so a list of records
  // whose fields say "failed" or 401 (an audit log) is data, not an envelope.
  if (Array.isArray(j) && j.length === 1) return envelopeOf1(j[0]);
  if (Array.isArray(j)) {
    for (const item of j.slice(0, MAX_BATCH)) {
      const e = isObj(item) && isObj(item.error) ? envelopeOf1(item) : null;
      if (e) return e;
    }
    return null;
  }
  return envelopeOf1(j);
}

const MAX_BATCH = 20;

function envelopeOf1(root: Json | undefined): Envelope | null {
  if (!isObj(root)) return null;
  const { o, base } = holder(root);
  const flagged = (['status', 'stat', 'result', 'state', 'outcome'] as const).some(
    (k) => typeof o[k] === 'string' && FAILED.test((o[k] as string).trim()),
  );
  const failed =
    o.success === false ||
    o.ok === false ||
    o.succeeded === false ||
    o.isSuccess === false ||
    flagged ||
    (root.jsonrpc === '2.0' && isObj(root.error)) ||
    isObj(o.Error) ||
    // WeChat / WeCom: errcode 0 is success, any other value a failure
    // (https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html).
    (typeof o.errcode === 'number' && o.errcode !== 0);
  const status = httpStatusIn(o);
  if (!failed && !status) return null;
  return { failed, http: status?.http ?? null, at: status ? `${base}/${status.key}` : '' };
}

/** Cheap test before any parse: could this 2xx body be an error envelope at all? */
export const MAY_BE_ENVELOPE =
  /"(?:success|ok|succeeded|isSuccess)"\s*:\s*false|"(?:status|stat|result|state|outcome)"\s*:\s*"(?:error|errors|fail|failed|failure|denied|unauthori[sz]ed|forbidden|ko)"|"(?:code|status|statusCode|status_code|errcode|errCode|error_code|errorCode|httpStatus|http_status|httpCode|http_code)"\s*:\s*"?\s*(?:401|403|407|429)\b|"jsonrpc"|"Error"\s*:\s*\{|"errcode"\s*:\s*[1-9-]/i;
