import { describe, expect, it } from 'vitest';
import { BEARER, diagnoseOne as one, signatureIds } from '../../support/vendor-rows';

// lib/vendors/saas-platforms.ts (Telegram, Supabase Auth) and codes/fintech.ts (Plaid, Binance).
describe('Telegram Bot API', () => {
  const BOT = 'https://api.telegram.org/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';

  it('reads 401 "Unauthorized" as a bad bot token, though the token travels in the path', () => {
    const body = '{"ok":false,"error_code":401,"description":"Unauthorized"}';
    expect(one({ url: `${BOT}/getMe`, status: 401, body }).top).toBe('auth.invalid');
  });

  it('leaves a chat-not-found 400 and a 404 unflagged', () => {
    const chat = '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}';
    expect(one({ method: 'POST', url: `${BOT}/sendMessage`, status: 400, body: chat }).d.flagged).toBe(false);
    const notFound = '{"ok":false,"error_code":404,"description":"Not Found"}';
    expect(one({ url: `${BOT}/getMe`, status: 404, body: notFound }).d.flagged).toBe(false);
  });

  it('does not read another API\'s {"description":"Unauthorized"} as Telegram', () => {
    const body = '{"ok":false,"error_code":401,"description":"Unauthorized"}';
    expect(signatureIds({ url: 'https://api.example.com/bot1/getMe', status: 401, body })).not.toContain(
      'telegram.unauthorized',
    );
  });
});

describe('Supabase Auth', () => {
  const AUTH = 'https://abcdefghijklmnop.supabase.co/auth/v1';

  it('tells an expired JWT from a malformed one', () => {
    const expired =
      '{"code":403,"error_code":"bad_jwt","msg":"invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired"}';
    expect(one({ url: `${AUTH}/user`, status: 403, body: expired, requestHeaders: BEARER }).top).toBe(
      'auth.token_expired',
    );
    const malformed = '{"code":403,"error_code":"bad_jwt","msg":"invalid JWT: token is malformed"}';
    expect(one({ url: `${AUTH}/user`, status: 403, body: malformed, requestHeaders: BEARER }).top).toBe('auth.invalid');
  });

  it('flags a refused refresh token at 400, and not a weak password', () => {
    const url = `${AUTH}/token?grant_type=refresh_token`;
    const dead = '{"code":400,"error_code":"refresh_token_already_used","msg":"Invalid Refresh Token: Already Used"}';
    expect(one({ method: 'POST', url, status: 400, body: dead }).top).toBe('auth.invalid');
    const weak = '{"code":422,"error_code":"weak_password","msg":"Password should be at least 6 characters."}';
    expect(one({ method: 'POST', url: `${AUTH}/signup`, status: 422, body: weak }).d.flagged).toBe(false);
  });
});

// https://plaid.com/docs/errors/invalid-input/ and https://developers.binance.com/docs/binance-spot-api-docs/errors
describe('Plaid and Binance codes', () => {
  it('flags Plaid INVALID_API_KEYS at 400, and leaves a validation error alone', () => {
    const keys =
      '{"display_message":null,"error_code":"INVALID_API_KEYS","error_message":"invalid client_id or secret provided","error_type":"INVALID_INPUT","request_id":"m8MDnv9okwxFNBV"}';
    const r = one({ method: 'POST', url: 'https://sandbox.plaid.com/link/token/create', status: 400, body: keys });
    expect(r.d.flagged).toBe(true);
    expect(r.top).toBe('api_key.invalid');
    const field =
      '{"display_message":null,"error_code":"INVALID_FIELD","error_message":"start_date must be before end_date","error_type":"INVALID_REQUEST","request_id":"x"}';
    expect(
      one({ method: 'POST', url: 'https://sandbox.plaid.com/transactions/get', status: 400, body: field }).d.flagged,
    ).toBe(false);
  });

  it('reads Binance signature, clock and key-format codes', () => {
    const url = 'https://api.binance.com/api/v3/account?timestamp=1700000000000&signature=abc';
    const key = { 'X-MBX-APIKEY': 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A' };
    const read = (body: string, status = 400) => one({ url, status, body, requestHeaders: key }).top;
    expect(read('{"code":-1022,"msg":"Signature for this request is not valid."}')).toBe('signature.mismatch');
    expect(read('{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}')).toBe('clock.skew');
    expect(read('{"code":-2014,"msg":"API-key format invalid."}', 401)).toBe('auth.malformed');
  });

  it('does not read the same negative codes on another host', () => {
    const body = '{"code":-1022,"msg":"Signature for this request is not valid."}';
    expect(one({ url: 'https://api.example.com/v1/x', status: 400, body }).top).not.toBe('signature.mismatch');
    const orderError = '{"code":-2010,"msg":"Account has insufficient balance for requested action."}';
    expect(
      one({ method: 'POST', url: 'https://api.binance.com/api/v3/order', status: 400, body: orderError }).d.flagged,
    ).toBe(false);
  });
});
