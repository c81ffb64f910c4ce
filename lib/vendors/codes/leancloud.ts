import type { CodeTable } from './types';

/**
 * LeanCloud's REST API ({"code":210,"error":"…"}, most refusals as HTTP 400). Its numeric codes
 * are read only on LeanCloud's own API hosts: elsewhere a "211" means anything.
 * https://docs.leancloud.app/error_code.html
 */
export const LEANCLOUD_CODES: CodeTable = {
  name: 'LeanCloud',
  families: ['code'],
  host: /(?:^|\.)(?:lncldapi\.com|lncld\.net|lncldglobal\.com|leancloud\.cn)$/,
  source: 'https://docs.leancloud.app/error_code.html',
  rows: [
    {
      codes: ['210'],
      cause: 'auth.invalid',
      level: 'certain',
      refusal: true,
      means: 'the username and password do not match',
      fixes: ['Check the username and password; reset the password if it is forgotten.'],
    },
    {
      codes: ['211'],
      cause: 'auth.invalid',
      level: 'likely',
      refusal: true,
      means: 'the credential sent (a session token, third-party authData, a username) names no user',
      fixes: [
        'Send the session token the last log-in returned (X-LC-Session), or sign up the user before logging in with authData.',
      ],
    },
    {
      codes: ['206'],
      cause: 'auth.missing',
      level: 'likely',
      refusal: true,
      means: "a user can be changed only with that user's own session",
      fixes: ["Send the user's session token (X-LC-Session), or make the change with the master key on a server."],
    },
    {
      codes: ['216'],
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: "the user's e-mail address is not verified",
      fixes: ['Have the user verify the e-mail address first, or turn the verification requirement off.'],
    },
    {
      codes: ['219'],
      cause: 'rate_limit.exceeded',
      level: 'likely',
      refusal: true,
      means: 'too many failed log-ins: the account is locked for a while',
      fixes: ['Wait before trying again (LeanCloud locks log-in after repeated failures).'],
    },
    {
      codes: ['1'],
      message: /master\s+key/i,
      cause: 'permission.denied',
      level: 'likely',
      refusal: true,
      means: 'this operation needs the master key',
      fixes: [
        'Make this call from a trusted server, signed with the master key; never ship the master key to a client.',
      ],
    },
  ],
};
