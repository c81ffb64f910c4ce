import type { CodeTable } from './types';

/** Cloudflare's v4 API envelope: {"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}. */
export const CLOUDFLARE_CODES: CodeTable = {
  name: 'Cloudflare API',
  families: ['envelope'],
  host: /(?:^|\.)api\.cloudflare\.com$/,
  source: 'https://developers.cloudflare.com/fundamentals/api/troubleshooting/',
  rows: [
    {
      codes: ['10000'],
      cause: 'permission.insufficient_scope',
      level: 'likely',
      refusal: true,
      means: 'the API token is valid but lacks a permission (or zone/account scope) this call needs',
      fixes: [
        'Edit the API token (My Profile > API Tokens): add the permission this endpoint needs and include the account or zone.',
      ],
    },
    {
      codes: ['9106', '6003'],
      cause: 'auth.missing',
      level: 'likely',
      refusal: true,
      means: 'no usable Authorization or X-Auth-Key / X-Auth-Email headers were sent',
      fixes: ['Send "Authorization: Bearer <API token>" (or X-Auth-Email with X-Auth-Key for a global key).'],
    },
    {
      codes: ['6111', '9107'],
      cause: 'auth.malformed',
      level: 'likely',
      refusal: true,
      means: 'the Authorization header is not in the expected format',
      fixes: ['Send exactly "Authorization: Bearer <API token>".'],
    },
    {
      codes: ['9109', '9103', '10001'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the token or key is not valid',
      fixes: ['Create a new API token or check the global key and e-mail pair.'],
    },
    {
      codes: ['971', '10429'],
      cause: 'rate_limit.exceeded',
      level: 'likely',
      refusal: true,
      means: 'the API rate limit was exceeded',
      fixes: ['Slow down: the API allows 1200 requests per 5 minutes per user; back off and retry.'],
    },
  ],
};
