import type { CodeTable } from './types';

/**
 * Plaid answers a wrong client_id/secret with HTTP 400 and {"error_type":"INVALID_INPUT",
 * "error_code":"INVALID_API_KEYS",…}: a refusal the status hides, so these codes flag on their own.
 * Read only on Plaid's hosts (sandbox, development, production.plaid.com).
 */
export const PLAID_CODES: CodeTable = {
  name: 'Plaid API',
  families: ['code'],
  source: 'https://plaid.com/docs/errors/invalid-input/',
  host: /(?:^|\.)plaid\.com$/,
  rows: [
    {
      codes: ['INVALID_API_KEYS'],
      cause: 'api_key.invalid',
      level: 'certain',
      refusal: true,
      means: 'the client_id or secret is wrong, or the secret is for another environment',
      fixes: [
        "Use the client_id and the secret of this environment (sandbox vs production) from the Dashboard's Keys page.",
      ],
    },
    {
      codes: ['MISSING_FIELDS'],
      message: /\bclient_id\b|\bsecret\b/,
      cause: 'api_key.missing',
      level: 'likely',
      refusal: true,
      means: 'the request carried no client_id or secret',
      fixes: ['Send client_id and secret in the JSON body (or PLAID-CLIENT-ID / PLAID-SECRET headers).'],
    },
    {
      codes: ['UNAUTHORIZED_ENVIRONMENT', 'INVALID_PRODUCT', 'UNAUTHORIZED_ROUTE_ACCESS'],
      cause: 'api_key.restricted',
      level: 'certain',
      refusal: true,
      means: 'these keys may not use this environment, product or endpoint',
      fixes: [
        'Request access to the product or to Production in the Dashboard, or call the environment the keys belong to.',
      ],
    },
  ],
};

/**
 * Binance's REST API: {"code":-1022,"msg":"Signature for this request is not valid."}, with HTTP 400
 * for the signature and clock codes and 401 for key codes. Negative numbers: Binance's hosts only.
 */
export const BINANCE_CODES: CodeTable = {
  name: 'Binance API',
  families: ['code'],
  source: 'https://developers.binance.com/docs/binance-spot-api-docs/errors',
  host: /(?:^|\.)binance\.(?:com|us)$|^testnet\.binance\.vision$/,
  rows: [
    {
      codes: ['-1022'],
      cause: 'signature.mismatch',
      level: 'certain',
      refusal: true,
      means: 'the HMAC/RSA/Ed25519 signature of the request is not valid',
      fixes: [
        'Sign the exact query string (and body) that is sent, parameters in the same order, with the secret of this API key.',
      ],
    },
    {
      codes: ['-1021'],
      cause: 'clock.skew',
      level: 'certain',
      refusal: true,
      means: "the request's timestamp is outside recvWindow of the server's time",
      fixes: [
        'Sync the clock (NTP) or offset timestamps by GET /api/v3/time; keep recvWindow small but above the skew.',
      ],
    },
    {
      codes: ['-2014'],
      cause: 'auth.malformed',
      level: 'certain',
      refusal: true,
      means: 'the X-MBX-APIKEY value is not in the format of an API key',
      fixes: ['Send the 64-character API key itself in X-MBX-APIKEY, without quotes, spaces or the secret.'],
    },
    {
      codes: ['-2008'],
      cause: 'api_key.invalid',
      level: 'certain',
      refusal: true,
      means: 'the API key ID does not exist',
      fixes: ['Create the key again under API Management (testnet keys work only on the testnet).'],
    },
    {
      codes: ['-2015'],
      cause: 'api_key.invalid',
      level: 'likely',
      refusal: true,
      means: 'the API key is invalid, or the caller IP or the key permissions do not allow this action',
      fixes: [
        'Check the key is for this environment, that the IP allow list includes this server, and that the key has the permission (e.g. Spot trading).',
      ],
    },
  ],
};
