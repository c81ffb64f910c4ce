// A refusal hidden in a 200 (issue 17): APIs that keep the transport at 200 and put the outcome in an
// error envelope. Each shape and message is as its service documents it:
// - Flickr: {"stat":"fail","code":98,"message":"Invalid auth token"} (https://www.flickr.com/services/api/response.json.html,
//   error 98 of every authenticated method);
// - WeChat Official Accounts: {"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}
//   (https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html);
// - Tencent Cloud API 3.0: {"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided
//   credentials could not be validated. Please check your signature is correct."},"RequestId":…}}
//   (https://www.tencentcloud.com/document/api/213/33281);
// - RuoYi-Vue's AuthenticationEntryPointImpl answers HTTP 200 with {"msg":"…认证失败，无法访问系统资源","code":401}
//   (https://github.com/yangzongzhuan/RuoYi-Vue/blob/master/ruoyi-framework/src/main/java/com/ruoyi/framework/security/handle/AuthenticationEntryPointImpl.java);
// - JSON-RPC 2.0's error member (https://www.jsonrpc.org/specification#error_object).
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { bodyMayFlag, statedRefusal } from '../../../lib/diagnose/stated-refusal';
import { envelopeOf } from '../../../lib/inspect/envelope';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';

const BEARER = { Authorization: 'Bearer 6f1c2a9e0b7d4e5f8a3b2c1d0e9f8a7b' };
const ok = (url: string, body: unknown, requestHeaders: Record<string, string> = BEARER): EntrySpec => ({
  url,
  status: 200,
  requestHeaders,
  responseHeaders: { 'Content-Type': 'application/json' },
  mimeType: 'application/json',
  body: JSON.stringify(body),
});
const top = (spec: EntrySpec) => diagnose(makeHar([spec]))[0]?.causes[0]?.id ?? 'not flagged';
const flagged = (spec: EntrySpec) => statedRefusal(toExchange(makeEntry(spec), 0)) !== null;

describe('a refusal stated in an error envelope inside a 200', () => {
  it.each([
    [
      'Flickr',
      ok('https://api.flickr.com/services/rest/', { stat: 'fail', code: 98, message: 'Invalid auth token' }),
      'auth.invalid',
    ],
    [
      'WeChat',
      ok('https://api.weixin.qq.com/cgi-bin/user/info', {
        errcode: 40001,
        errmsg: 'invalid credential, access_token is invalid or not latest',
      }),
      'auth.invalid',
    ],
    [
      'Tencent Cloud',
      ok('https://cvm.tencentcloudapi.com/', {
        Response: {
          Error: {
            Code: 'AuthFailure.SignatureFailure',
            Message: 'The provided credentials could not be validated. Please check your signature is correct.',
          },
          RequestId: 'b1c2',
        },
      }),
      'auth.invalid',
    ],
    [
      'RuoYi, no token sent',
      ok(
        'http://127.0.0.1:8080/system/user/list',
        { msg: '请求访问：/system/user/list，认证失败，无法访问系统资源', code: 401 },
        {},
      ),
      'auth.missing',
    ],
    [
      'a repeated 429',
      ok('https://api.example.com/v1/search', { status: 429, message: 'Slow down' }),
      'rate_limit.exceeded',
    ],
    [
      'JSON-RPC',
      ok('https://rpc.example.com/', { jsonrpc: '2.0', id: 1, error: { code: -32001, message: 'Unauthorized' } }),
      'auth.invalid',
    ],
    [
      'success:false, token expired',
      ok('https://api.example.com/me', { success: false, message: 'Token has expired' }),
      'auth.token_expired',
    ],
  ])('%s: flagged and read', (_name, spec, cause) => {
    expect(flagged(spec)).toBe(true);
    expect(top(spec)).toBe(cause);
  });

  it('quotes the envelope, and says it came inside an HTTP 200', () => {
    const d = diagnose(
      makeHar([ok('https://api.flickr.com/services/rest/', { stat: 'fail', code: 98, message: 'Invalid auth token' })]),
    )[0]!;
    expect(d.causes[0]!.summary).toMatch(/inside an HTTP 200/);
    expect(d.causes[0]!.evidence.map((e) => e.detail).join('\n')).toMatch(/Invalid auth token/);
  });
});

describe('failed calls that are no refusal stay quiet', () => {
  it.each([
    ['validation', { success: false, message: 'Validation failed: name is required' }],
    ['not found', { status: 'error', message: 'Item not found' }],
    [
      'a permission word in an ordinary failure',
      { status: 'error', message: 'Permission settings are invalid for this folder type' },
    ],
    ['JSON-RPC method not found', { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } }],
    ['WeChat success', { errcode: 0, errmsg: 'ok' }],
    ['a business code that is not HTTP', { code: 40312, msg: 'Order already shipped' }],
    ['data that mentions 401', { items: [{ code: 401, name: 'Room 401' }] }],
    ['success', { success: true, data: { message: 'token refreshed' } }],
  ])('%s', (_name, body) => {
    const spec = ok('https://api.example.com/v1/x', body);
    expect(flagged(spec)).toBe(false);
    expect(top(spec)).toBe('not flagged');
  });
});

describe('envelopeOf', () => {
  it('reads the failure flags, a repeated HTTP refusal status and where it sat', () => {
    expect(envelopeOf({ code: '403', msg: 'no' })).toEqual({ failed: false, http: 403, at: '/code' });
    expect(envelopeOf({ Response: { statusCode: 401 } })).toEqual({
      failed: false,
      http: 401,
      at: '/Response/statusCode',
    });
    expect(envelopeOf({ ok: false })?.failed).toBe(true);
    expect(envelopeOf({ result: 'FAILED' })?.failed).toBe(true);
    expect(envelopeOf([{ success: false }])?.failed).toBe(true);
    expect(envelopeOf({ code: 404, msg: 'missing' })).toBeNull();
    expect(envelopeOf({ status: 'ok' })).toBeNull();
    expect(envelopeOf([{ ok: false }, { ok: false }])).toBeNull();
  });
});

describe('a live capture reads a small JSON 200 before deciding', () => {
  const lazy = (size: number, mimeType = 'application/json') => {
    const e = makeEntry({ url: 'https://api.example.com/v1/me', method: 'GET', status: 200, mimeType });
    delete (e.response.content as { text?: string }).text;
    if (e.response.content) e.response.content.size = size;
    return bodyMayFlag(toExchange(e, 0));
  };
  it('up to 2 KB of JSON, not more, not other types, not an unknown size', () => {
    expect(lazy(120)).toBe(true);
    expect(lazy(2048)).toBe(true);
    expect(lazy(2049)).toBe(false);
    expect(lazy(0)).toBe(false);
    expect(lazy(-1)).toBe(false);
    expect(lazy(120, 'text/css')).toBe(false);
  });
});
