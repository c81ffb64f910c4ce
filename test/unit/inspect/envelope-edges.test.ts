// The edges of envelopeOf (lib/inspect/envelope.ts): which bodies of an HTTP 200 say the call
// failed, and which repeat a refusal status, in the shapes the APIs document.
import { describe, expect, it } from 'vitest';
import { envelopeOf } from '../../../lib/inspect/envelope';
import type { Json } from '../../../lib/inspect/json-body';

const failed = (body: unknown) => envelopeOf(body as never)?.failed ?? null;

describe('a failure flag', () => {
  it.each([
    ['success', { success: false, data: null }],
    ['ok', { ok: false, error: 'invalid_auth' }], // Slack (https://api.slack.com/web#evaluating_responses)
    ['succeeded', { succeeded: false }],
    ['isSuccess', { isSuccess: false, message: 'Token invalid' }],
    ['status', { status: 'error', message: 'Unauthorized' }],
    ['stat', { stat: 'fail', code: 98, message: 'Invalid auth token' }], // Flickr (https://www.flickr.com/services/api/response.json.html)
    ['result', { result: 'failure' }],
    ['state', { state: 'denied' }],
    ['outcome', { outcome: ' Forbidden ' }],
  ])('"%s" says the call failed', (_key, body) => {
    expect(failed(body)).toBe(true);
  });

  it('only false, not a missing or falsy flag', () => {
    const bodies: Json[] = [
      { success: 0 },
      { ok: null },
      { succeeded: 'false' },
      { isSuccess: true },
      { success: true },
    ];
    for (const body of bodies) expect(envelopeOf(body)).toBeNull();
    expect(envelopeOf({ status: 'errorless' })).toBeNull();
    expect(envelopeOf({ status: 7 })).toBeNull();
  });

  it("JSON-RPC 2.0's error member (https://www.jsonrpc.org/specification#error_object)", () => {
    expect(failed({ jsonrpc: '2.0', error: { code: -32001, message: 'Unauthorized' }, id: 1 })).toBe(true);
    expect(envelopeOf({ jsonrpc: '2.0', error: 'Unauthorized', id: 1 })).toBeNull();
    expect(envelopeOf({ jsonrpc: '1.0', error: { code: -32001 }, id: 1 })).toBeNull();
  });

  it("Tencent Cloud's Response.Error (https://www.tencentcloud.com/document/api/213/33281)", () => {
    expect(envelopeOf({ Response: { Error: { Code: 'AuthFailure', Message: 'm' }, RequestId: 'r' } })).toEqual({
      failed: true,
      http: null,
      at: '',
    });
    expect(envelopeOf({ Response: { Error: 'AuthFailure', RequestId: 'r' } })).toBeNull();
  });

  it('WeChat: any errcode but 0 (https://developers.weixin.qq.com/doc/offiaccount/en/Getting_Started/Global_Return_Code.html)', () => {
    expect(failed({ errcode: 40001, errmsg: 'invalid credential' })).toBe(true);
    expect(failed({ errcode: -1, errmsg: 'system error' })).toBe(true);
    expect(envelopeOf({ errcode: 0, errmsg: 'ok' })).toBeNull();
    expect(envelopeOf({ errcode: '40001' })).toBeNull();
  });
});

describe('a repeated HTTP refusal status', () => {
  it.each([
    ['code', 'many "always 200" APIs'],
    ['statusCode', "NestJS's default error, https://docs.nestjs.com/exception-filters"],
    ['error_code', "Telegram's Bot API, https://core.telegram.org/bots/api#making-requests"],
    ['errcode', 'WeChat'],
    ['httpStatus', 'Spring-style wrappers'],
  ])('under "%s" (%s)', (key) => {
    expect(envelopeOf({ [key]: 401, msg: 'Unauthorized' })).toMatchObject({ http: 401, at: `/${key}` });
  });

  it('401, 403, 407 and 429, as a number or a string of three digits', () => {
    for (const n of [401, 403, 407, 429]) expect(envelopeOf({ code: n })?.http).toBe(n);
    expect(envelopeOf({ code: ' 403 ' })?.http).toBe(403);
    // Not a number written otherwise, nor a list holding one.
    for (const v of ['0403', '403.0', '4.03e2']) expect(envelopeOf({ code: v }), v).toBeNull();
    expect(envelopeOf({ code: [403] })).toBeNull();
    for (const v of [400, 404, 500, 200, '4030', '40x', 'x403']) expect(envelopeOf({ code: v }), String(v)).toBeNull();
  });

  it('the first key in that order, inside Response when the body has one', () => {
    expect(envelopeOf({ status: 429, code: 403 })).toEqual({ failed: false, http: 403, at: '/code' });
    expect(envelopeOf({ code: 200, status: 429 })).toEqual({ failed: false, http: 429, at: '/status' });
    expect(envelopeOf({ success: false, code: 401 })).toEqual({ failed: true, http: 401, at: '/code' });
    expect(envelopeOf({ Response: { code: 403 }, code: 401 })).toEqual({
      failed: false,
      http: 403,
      at: '/Response/code',
    });
  });
});

describe('the body', () => {
  it('is an object, or a list of exactly one', () => {
    expect(failed([{ ok: false }])).toBe(true);
    expect(envelopeOf([{ ok: false }, { ok: true }])).toBeNull();
    expect(envelopeOf([])).toBeNull();
    expect(envelopeOf(null)).toBeNull();
    expect(envelopeOf(undefined)).toBeNull();
    expect(envelopeOf('{"ok":false}')).toBeNull();
  });
});
