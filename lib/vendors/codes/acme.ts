import type { CodeTable } from './types';

/**
 * ACME (RFC 8555 §6.7) states its errors as problem documents whose type is a URN under
 * urn:ietf:params:acme:error:. The ones that refuse the caller: the key names no account
 * (accountDoesNotExist), the account may not do this (unauthorized: deactivated, or not the owner of the order),
 * too many requests (rateLimited). Request errors (malformed, badNonce, rejectedIdentifier) are not refusals.
 */
export const ACME_CODES: CodeTable = {
  name: 'ACME',
  families: ['problem'],
  source: 'https://datatracker.ietf.org/doc/html/rfc8555#section-6.7',
  rows: [
    {
      codes: ['urn:ietf:params:acme:error:accountDoesNotExist'],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'no ACME account exists for the key that signed the request',
      fixes: ['Register the account (newAccount) with this key, or sign with the key of the existing account.'],
    },
    {
      codes: ['urn:ietf:params:acme:error:unauthorized'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'the account may not perform this action (deactivated, or the order or authorization is not its own)',
      fixes: [
        'Read the detail: a deactivated account needs a new registration; an order belongs to the account that created it.',
      ],
    },
    {
      codes: ['urn:ietf:params:acme:error:rateLimited'],
      cause: 'rate_limit.exceeded',
      level: 'certain',
      refusal: true,
      means: "the request exceeds one of the CA's rate limits",
      fixes: [
        'Wait until the time in Retry-After (or the detail) before asking again; reuse certificates instead of reissuing.',
      ],
    },
  ],
};
