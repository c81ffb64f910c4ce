import type { CodeTable } from './types';

/** Duo's Admin and Auth APIs: {"stat":"FAIL","code":40103,"message":"Invalid signature in request credentials"}. */
export const DUO_CODES: CodeTable = {
  name: 'Duo API',
  families: ['code'],
  host: /(?:^|\.)duosecurity\.com$/,
  source: 'https://duo.com/docs/adminapi#response-format',
  rows: [
    {
      codes: ['40101'],
      cause: 'auth.missing',
      level: 'likely',
      refusal: true,
      means: 'the request carried no credentials',
      fixes: ['Sign the request with the integration key and secret key (HTTP Basic over the HMAC signature).'],
    },
    {
      codes: ['40102'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the integration key is not valid',
      fixes: ['Use the integration key of this application and API hostname.'],
    },
    {
      codes: ['40103'],
      cause: 'signature.mismatch',
      level: 'certain',
      refusal: true,
      means: 'the HMAC signature of the request did not verify',
      fixes: [
        'Sign the canonical request (date, method, host, path, sorted params) with the secret key, as Duo documents.',
      ],
    },
    {
      codes: ['40105'],
      cause: 'clock.skew',
      level: 'likely',
      refusal: true,
      means: 'the request Date header is invalid or too far from the server clock',
      fixes: ['Send an RFC 2822 Date header from a clock synchronised with NTP.'],
    },
    {
      codes: ['40301', '40302'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the application is not allowed to call this endpoint',
      fixes: ["Grant the Admin API application the permission for this resource in Duo's admin panel."],
    },
    {
      codes: ['42901'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: 'too many requests',
      fixes: ['Back off exponentially and retry.'],
    },
  ],
};
