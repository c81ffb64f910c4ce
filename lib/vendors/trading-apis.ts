import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Trading and market-data APIs answer their refusals with HTTP 200 and state them in the body: Kraken in an "error"
// array of "<category>:<message>" strings, Bybit in a numeric retCode beside retMsg, Alpha Vantage in a "Note" or
// "Error Message" field. A 200 is not a refusal status, so each row lists it, flags, and is limited to the vendor's
// API host: the same words from another host prove nothing. Their validation errors (Kraken's EOrder:/EGeneral:,
// Alpha Vantage's "Invalid API call") are not refusals and match no row.
const KRAKEN = 'https://docs.kraken.com/api/docs/guides/spot-errors';
const BYBIT = 'https://bybit-exchange.github.io/docs/v5/error';
const ALPHA = 'https://www.alphavantage.co/premium/';
const KRAKEN_HOST = /^api\.kraken\.com$/;
const BYBIT_HOST = /^api(?:-testnet|-demo)?\.(?:bybit\.com|bytick\.com)$/;
const ALPHA_HOST = /^(?:www\.)?alphavantage\.co$/;
const OK = [200] as const;
// Older answers put it under "Error Message", newer ones under "Information" (as public clients record both).
const APIKEY_WORDS = /"(?:Error Message|Information)"\s*:\s*"the parameter apikey is invalid or missing/i;
// Kraken: {"error":["EAPI:Invalid key"],...}; the code is a string inside the error array.
const kraken = (message: string) => new RegExp(`"error"\\s*:\\s*\\[[^\\]]*"EAPI:${message}"`);
// Bybit v5 (retCode) and v3 (ret_code).
const bybit = (code: number) => new RegExp(`"ret_?[cC]ode"\\s*:\\s*${code}\\b`);

export const TRADING_APIS: readonly Signature[] = [
  {
    id: 'kraken.invalid_key',
    vendor: 'Kraken',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.certain,
    status: OK,
    flags: true,
    host: KRAKEN_HOST,
    body: kraken('Invalid key'),
    title: 'Kraken did not accept the API key (EAPI:Invalid key)',
    summary: 'The API-Key header names no key Kraken knows: mistyped, deleted, or a key of another account.',
    fixes: ['Copy the key again from Settings → API, or create a new one with the permissions the call needs.'],
    source: KRAKEN,
  },
  {
    id: 'kraken.invalid_signature',
    vendor: 'Kraken',
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.certain,
    status: OK,
    flags: true,
    host: KRAKEN_HOST,
    body: kraken('Invalid signature'),
    title: 'Kraken could not verify the API-Sign header (EAPI:Invalid signature)',
    summary:
      'API-Sign is an HMAC-SHA512 of the URI path and the SHA-256 of nonce + POST data, keyed with the base64-decoded ' +
      'secret; the one sent does not match (wrong secret, body changed after signing, or the nonce not in the body).',
    fixes: [
      'Sign exactly the bytes sent: the same form-encoded body, with the nonce inside it, and the path /0/private/<method>.',
    ],
    source: KRAKEN,
  },
  {
    id: 'kraken.rate_limit',
    vendor: 'Kraken',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.certain,
    status: OK,
    flags: true,
    host: KRAKEN_HOST,
    body: kraken('Rate limit exceeded'),
    title: "Kraken's API call counter is full (EAPI:Rate limit exceeded)",
    summary:
      "Each private call adds to the account's counter, which decays over time; the counter went over its limit.",
    fixes: ['Wait for the counter to decay (seconds), then pace calls; ledger and trade-history queries cost more.'],
    source: 'https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits',
  },
  {
    id: 'bybit.timestamp',
    vendor: 'Bybit',
    cause: 'clock.skew',
    confidence: CONFIDENCE.certain,
    status: OK,
    flags: true,
    host: BYBIT_HOST,
    body: bybit(10002),
    title: "Bybit refused the request's timestamp (10002: outside recv_window)",
    summary:
      'X-BAPI-TIMESTAMP must satisfy server_time - recv_window <= timestamp < server_time + 1000; the retMsg shows ' +
      'both times. The client clock is off, or the request took longer than recv_window to arrive.',
    fixes: ["Sync the clock (NTP) or offset it by Bybit's /v5/market/time; raise recv_window if the network is slow."],
    source: BYBIT,
  },
  {
    id: 'bybit.api_key_invalid',
    vendor: 'Bybit',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.certain,
    status: OK,
    flags: true,
    host: BYBIT_HOST,
    body: bybit(10003),
    title: 'Bybit did not accept the API key (10003)',
    summary: 'The X-BAPI-API-KEY is unknown to this environment (a testnet key on mainnet, or the reverse) or deleted.',
    fixes: ["Use a key created for this environment's host (api.bybit.com vs api-testnet.bybit.com)."],
    source: BYBIT,
  },
  {
    id: 'bybit.sign',
    vendor: 'Bybit',
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.certain,
    status: OK,
    flags: true,
    host: BYBIT_HOST,
    body: bybit(10004),
    title: 'Bybit could not verify X-BAPI-SIGN (10004: error sign)',
    summary:
      'The signature is an HMAC of timestamp + api_key + recv_window + the query string (GET) or the JSON body (POST); ' +
      'the retMsg shows the string Bybit signed, which differs from the one signed here.',
    fixes: ['Compare the origin_string in retMsg with the string signed; sign the exact query or body bytes sent.'],
    source: BYBIT,
  },
  {
    // {"Note":"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute ..."}
    id: 'alphavantage.frequency',
    vendor: 'Alpha Vantage',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    status: OK,
    flags: true,
    host: ALPHA_HOST,
    body: /^\s*\{\s*"(?:Note|Information)"\s*:\s*"Thank you for using Alpha Vantage![^"]*\b(?:call frequency|rate limit)\b/,
    title: "Alpha Vantage's call frequency limit was hit (a 200 with a Note instead of data)",
    summary:
      'The free key allows a few calls a minute and a daily total; over it, every call answers 200 with this note ' +
      'and no data.',
    fixes: ['Space the calls out (or cache), or use a premium key for a higher frequency.'],
    source: ALPHA,
  },
  {
    id: 'alphavantage.apikey',
    vendor: 'Alpha Vantage',
    cause: 'api_key.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: OK,
    flags: true,
    host: ALPHA_HOST,
    body: APIKEY_WORDS,
    requires: 'api-key',
    title: 'Alpha Vantage did not accept the apikey parameter',
    summary: 'The apikey query parameter is missing or not a key Alpha Vantage issued.',
    fixes: ['Send ?apikey=<your key> (claim one at https://www.alphavantage.co/support/#api-key).'],
    source: 'https://www.alphavantage.co/support/#api-key',
  },
  {
    id: 'alphavantage.apikey_missing',
    vendor: 'Alpha Vantage',
    cause: 'api_key.missing',
    confidence: CONFIDENCE.likelyPlus5,
    status: OK,
    flags: true,
    host: ALPHA_HOST,
    body: APIKEY_WORDS,
    requires: 'no-api-key',
    title: 'Alpha Vantage wants an apikey parameter and none was sent',
    summary: 'Every call needs the apikey query parameter; this one had none.',
    fixes: ['Send ?apikey=<your key> (claim one at https://www.alphavantage.co/support/#api-key).'],
    source: 'https://www.alphavantage.co/support/#api-key',
  },
];
