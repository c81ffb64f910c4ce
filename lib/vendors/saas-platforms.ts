import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Telegram's Bot API carries the bot token in the URL path (/bot<token>/getMe), where the credential
// readers do not look, so its 401 would read as "nothing sent"; its 403s are a user or chat that
// refuses the bot. Supabase Auth (GoTrue) words an expired JWT as a bad_jwt whose message says
// "token is expired", and answers a dead refresh token with a 400 that is a refusal.
const TELEGRAM = 'https://core.telegram.org/bots/api#making-requests';
const TELEGRAM_HOST = /^api\.telegram\.org$/;
const SUPABASE_AUTH = 'https://supabase.com/docs/guides/auth/debugging/error-codes';
const SUPABASE_STORAGE = 'https://supabase.com/docs/guides/storage/security/access-control';
const SUPABASE_HOST = /\.supabase\.(?:co|in)$/;
const BAD_JWT = /"error_code"\s*:\s*"bad_jwt"/;

export const SAAS_PLATFORMS: readonly Signature[] = [
  {
    id: 'telegram.unauthorized',
    vendor: 'Telegram Bot API',
    group: 'telegram',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: TELEGRAM_HOST,
    body: [/"ok"\s*:\s*false/, /"description"\s*:\s*"Unauthorized"/],
    title: 'Telegram does not know this bot token',
    summary:
      'The token in the URL (/bot<token>/…) is wrong or was revoked in @BotFather; Telegram answers 401 "Unauthorized".',
    fixes: ['Copy the current token from @BotFather (/token, or /revoke made a new one) into the URL.'],
    source: TELEGRAM,
  },
  {
    id: 'telegram.forbidden',
    vendor: 'Telegram Bot API',
    group: 'telegram',
    cause: 'permission.denied',
    confidence: CONFIDENCE.certain,
    status: [403],
    host: TELEGRAM_HOST,
    body: /"description"\s*:\s*"Forbidden: bot (?:was blocked by the user|was kicked from|is not a member of|can't initiate conversation)/,
    title: 'The chat refuses this bot',
    summary:
      'The token is fine: the user blocked the bot, the bot was removed from the group or channel, or the user never started it.',
    fixes: [
      'Stop sending to this chat (a user must /start the bot again, or an admin re-add it); treat the 403 as final for this chat_id.',
    ],
    source: TELEGRAM,
  },
  {
    id: 'supabase.auth.jwt_expired',
    vendor: 'Supabase Auth',
    group: 'supabase-auth',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    status: [401, 403],
    host: SUPABASE_HOST,
    body: [BAD_JWT, /token\s+is\s+expired/],
    title: 'The Supabase access token has expired (bad_jwt)',
    summary: 'Supabase Auth access tokens last one hour by default; this one is past exp.',
    fixes: [
      'Let supabase-js refresh the session (autoRefreshToken) or call auth.refreshSession(), and send the new access token.',
    ],
    source: SUPABASE_AUTH,
  },
  {
    id: 'supabase.auth.bad_jwt',
    vendor: 'Supabase Auth',
    group: 'supabase-auth',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [401, 403],
    host: SUPABASE_HOST,
    body: BAD_JWT,
    title: 'Supabase Auth does not accept the JWT (bad_jwt)',
    summary:
      "The bearer isn't a user JWT this project signed: malformed, signed with another project's secret, or the anon key.",
    fixes: [
      "Send the signed-in user's access_token (session.access_token) from this project, not a key or another project's token.",
    ],
    source: SUPABASE_AUTH,
  },
  {
    id: 'supabase.auth.refresh_token',
    vendor: 'Supabase Auth',
    group: 'supabase-auth',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [400],
    flags: true,
    host: SUPABASE_HOST,
    body: /"error_code"\s*:\s*"refresh_token_(?:not_found|already_used)"/,
    title: 'Supabase Auth refused the refresh token',
    summary:
      'The refresh token was revoked (sign-out), already used (rotation; two tabs refreshing at once) or its session ended.',
    fixes: ['Sign the user in again; refresh from one place only, and store the newest refresh token each time.'],
    source: SUPABASE_AUTH,
  },
  {
    id: 'supabase.storage.rls',
    vendor: 'Supabase Storage',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    status: [400, 403],
    flags: true,
    // Storage answers HTTP 400 and states the refusal in the body: {"statusCode":"403","error":"Unauthorized",
    // "message":"new row violates row-level security policy"} (supabase/supabase#47137, #47160). Self-hosted
    // projects have their own hosts, so the body alone decides.
    body: [/"statusCode"\s*:\s*"40[13]"/, /row-level\s+security\s+policy/i],
    title: 'A storage.objects row-level security policy refused the upload (Supabase Storage)',
    summary:
      'Storage runs the request as the role of the JWT sent (anon without a session, authenticated with one), and ' +
      'no policy on storage.objects allows this operation on this bucket and path for that role. A "public" bucket ' +
      'still needs an INSERT policy for uploads.',
    fixes: [
      'Add a policy on storage.objects for the role and operation (INSERT for uploads; SELECT too when upsert or the response reads the row back).',
      'Sign in first if the policy is for authenticated users: an upload with only the anon key runs as anon.',
    ],
    source: SUPABASE_STORAGE,
  },
];
