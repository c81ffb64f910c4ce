import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../lib/core/causes';
import { fixAction, mergeFixes } from '../../../lib/diagnose/fix-action';
import { mergeCauses } from '../../../lib/diagnose/merge';

// The three wordings issue 18 saw under one cause, as the rules write them.
const REFRESH = [
  'Refresh the access token (refresh-token grant or silent re-authentication) and replay the request.',
  'Refresh or re-obtain the access token for this API (check its audience and issuer).',
  'Refresh the token (or sign in again) and retry; if a fresh token fails too, compare client and server clocks.',
  'Acquire a new token for this resource (MSAL acquireTokenSilent) and retry.',
];

describe('fixAction: what a fix asks to do', () => {
  it('reads the verb and the head of its object, whatever the wording around them', () => {
    expect(new Set(REFRESH.map(fixAction))).toEqual(new Set(['refresh token']));
  });

  it('tells different actions apart, even with the same verb', () => {
    const distinct = [
      'Refresh proactively: renew the token shortly before `exp` rather than after a 401.',
      'Refresh the access token and retry.',
      "Check the token's audience.",
      "Check the token's scopes.",
      'Send "Access-Control-Allow-Origin: https://app.example.com" on responses to /v1/items.',
      'Send "Access-Control-Allow-Headers: authorization" on the OPTIONS response.',
      'Site owners: find the Ray ID in Security > Events to see the rule, then adjust it.',
      'Visitors: share the Ray ID with the site owner.',
      'Check that the credential belongs to this environment.',
      'Check which credentials the client picked up.',
      'Do not retry at once.',
      'Retry with exponential backoff and jitter.',
    ];
    const keys = distinct.map(fixAction);
    expect(new Set(keys).size, keys.join(' | ')).toBe(distinct.length);
  });
});

describe('mergeFixes', () => {
  it('keeps each rule list as written and adds only new actions from later causes', () => {
    const own = [REFRESH[0]!, 'Refresh proactively: renew the token shortly before `exp` rather than after a 401.'];
    const merged = mergeFixes([own, [REFRESH[1]!], [REFRESH[2]!, 'Sign in again if the refresh token expired too.']]);
    expect(merged).toEqual([...own, 'Sign in again if the refresh token expired too.']);
  });
});

function cause(fixes: string[], detail: string, confidence: number): Cause {
  return {
    id: 'auth.token_expired',
    confidence,
    title: 'The bearer token expired',
    summary: '',
    evidence: [{ where: 'token', name: 'authorization', detail }],
    fixes,
  };
}

describe('mergeCauses: one fix per action, every piece of evidence kept', () => {
  it('merges three rules that say "refresh the token" into one fix and keeps their evidence', () => {
    const [merged, ...rest] = mergeCauses([
      cause([REFRESH[0]!], 'JWT exp 2026-11-21T12:00:30Z < Date 2026-11-21T12:00:40Z', 0.95),
      cause([REFRESH[1]!], 'OAuth error invalid_token at /error', 0.9),
      cause([REFRESH[2]!], 'common wording: generic.token_expired', 0.8),
    ]);
    expect(rest).toEqual([]);
    expect(merged!.fixes).toEqual([REFRESH[0]]);
    expect(merged!.evidence.map((e) => e.detail)).toEqual([
      'JWT exp 2026-11-21T12:00:30Z < Date 2026-11-21T12:00:40Z',
      'OAuth error invalid_token at /error',
      'common wording: generic.token_expired',
    ]);
  });

  it('the strongest cause speaks first, whatever order the rules ran in', () => {
    const [merged] = mergeCauses([
      cause([REFRESH[2]!, 'Sign in again if the refresh token expired too.'], 'generic wording', 0.8),
      cause([REFRESH[0]!], 'JWT exp before Date', 0.95),
    ]);
    expect(merged!.fixes).toEqual([REFRESH[0], 'Sign in again if the refresh token expired too.']);
    expect(merged!.evidence.map((e) => e.detail)).toEqual(['JWT exp before Date', 'generic wording']);
  });
});
