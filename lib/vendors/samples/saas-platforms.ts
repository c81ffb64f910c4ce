import { BEARER, type SampleTable } from './types';

// Telegram Bot API (https://core.telegram.org/bots/api#making-requests): {"ok":false,"error_code":…,
// "description":…}, as Telegram client libraries' tests record it. Supabase Auth
// (https://supabase.com/docs/guides/auth/debugging/error-codes): GoTrue's {"code","error_code","msg"}.
const BOT = 'https://api.telegram.org/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const AUTH = 'https://abcdefghijklmnop.supabase.co/auth/v1';
const ANON = { apikey: 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl' };

export const SAAS_PLATFORM_SAMPLES: SampleTable = {
  'telegram.unauthorized': {
    status: 401,
    url: `${BOT}/getMe`,
    body: '{"ok":false,"error_code":401,"description":"Unauthorized"}',
  },
  'telegram.forbidden': {
    status: 403,
    url: `${BOT}/sendMessage`,
    body: '{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}',
  },
  'supabase.auth.jwt_expired': {
    status: 403,
    url: `${AUTH}/user`,
    request: { ...ANON, ...BEARER },
    body:
      '{"code":403,"error_code":"bad_jwt","msg":"invalid JWT: unable to parse or verify signature, token has ' +
      'invalid claims: token is expired"}',
  },
  'supabase.auth.bad_jwt': {
    status: 403,
    url: `${AUTH}/user`,
    request: { ...ANON, ...BEARER },
    body:
      '{"code":403,"error_code":"bad_jwt","msg":"invalid JWT: unable to parse or verify signature, token is ' +
      'malformed: token contains an invalid number of segments"}',
  },
  'supabase.auth.refresh_token': {
    status: 400,
    url: `${AUTH}/token?grant_type=refresh_token`,
    request: ANON,
    body: '{"code":400,"error_code":"refresh_token_not_found","msg":"Invalid Refresh Token: Refresh Token Not Found"}',
  },
  // As quoted in supabase/supabase#47137: an anon upload refused by storage.objects' policies, HTTP 400.
  'supabase.storage.rls': {
    status: 400,
    url: 'https://abcdefghijklmnop.supabase.co/storage/v1/object/candidate-cvs/3f1c2b3a.pdf',
    request: { ...ANON, Authorization: `Bearer ${ANON.apikey}` },
    body: '{"statusCode":"403","error":"Unauthorized","message":"new row violates row-level security policy"}',
  },
};
