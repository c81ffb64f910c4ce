import { describe, expect, it } from 'vitest';
import { fixAction, mergeFixes } from '../../../lib/diagnose/fix-action';

// What a merged cause shows as its fixes: each action once. The wordings below are the rules' and
// vendor tables' own fixes (the file each comes from is named), so a key that reads one of them
// wrong shows up as a fix said twice, or as a distinct fix swallowed.

/** Two wordings name the same action: a merged cause shows only the first. */
function same(a: string, b: string): void {
  expect(mergeFixes([[a], [b]]), `${fixAction(a)} | ${fixAction(b)}`).toEqual([a]);
}

/** Two wordings name different actions: a merged cause shows both. */
function different(a: string, b: string): void {
  expect(mergeFixes([[a], [b]]), `${fixAction(a)} | ${fixAction(b)}`).toEqual([a, b]);
}

describe('fixAction: the action, whatever the words around it', () => {
  it('the key is "verb object-head", or "<audience>: verb object-head"', () => {
    // lib/vendors/cloudflare.ts and rules: the forms the docs comment names.
    expect(fixAction('Site owners: find the Ray ID in Security > Events to see the rule, then adjust it.')).toBe(
      'site owners: find id',
    );
    expect(fixAction('Visitors: share the Ray ID with the site owner.')).toBe('visitors: share id');
    expect(fixAction('Refresh or re-obtain the access token for this API (check its audience and issuer).')).toBe(
      'refresh token',
    );
  });

  it('an action before a colon is the action, not someone addressed (it was read as an audience)', () => {
    // rules/auth/rate-limit.ts and rules/grpc-web.ts say the same thing two ways.
    same(
      'Reduce the call rate: cache responses, batch requests, avoid polling loops and duplicate calls.',
      'Reduce the call rate (batch, cache, avoid tight polling).',
    );
    // lib/vendors/frameworks-python.ts (Simple JWT) and lib/vendors/apigee.ts.
    same(
      "Decode the token: check exp, and that it was signed with the server's SECRET_KEY and algorithm.",
      'Decode the token and compare its issuer, audience and algorithm with the VerifyJWT policy.',
    );
    expect(fixAction('Trim the token: it carries a newline or control character.')).toBe('trim token');
  });

  it('an audience is a few words addressing people: "For automated clients: …"', () => {
    // lib/vendors/bot-wording.ts: three words, no article, so it is addressed.
    expect(
      fixAction(
        'For automated clients: slow down, use the official API with a key, or ask the site owner to allow-list the client.',
      ),
    ).toBe('for automated clients: slow down');
    // Four words before the colon are not an address: the action is theirs.
    expect(fixAction('Ops on call today: restart the gateway.')).toBe('ops on call today');
    // Nor more than thirty characters.
    expect(fixAction('Administrators-of-the-api-gateway: restart it.')).toBe('administrators-of-the-api-gateway');
  });

  it('a code span is one word, colon and all (rules/auth/missing.ts: Bearer and Basic are two fixes)', () => {
    different(
      'Send `Authorization: Bearer <token>` with the request.',
      'Send `Authorization: Basic base64(user:password)`.',
    );
  });

  it('a code span is joined at its spaces and punctuation; a dot inside a word does not end the clause', () => {
    expect(fixAction('Set `Cache-Control: no-store` on the response.')).toBe('set cache-control-no-store');
    expect(fixAction('Add app.example.com to the allowed origins.')).toBe('add app.example.com');
    // Markup around a word is not part of it.
    same('Send the token again.', 'Send the **token** again.');
  });

  it('the object ends where a second noun phrase starts, and a plural names the same thing', () => {
    // rules/auth/missing.ts ("…the credential the API expects") against a plural wording.
    same('Send the credential the API expects (see the challenge and the API docs).', 'Send the credentials.');
    expect(fixAction('Send the the token')).toBe('send token');
    // Three letters before the "s" at least: "bus" stays a bus.
    expect(fixAction('Check the bus.')).toBe('check bus');
    expect(fixAction('Clear the sessions.')).toBe('clear session');
  });

  it('"sign in", "log in" and "make sure" are one verb each; "do not", "don\'t" and "never" negate it', () => {
    same('Sign in again.', 'Log in again.');
    expect(fixAction('Make sure the token is loaded.')).toBe('check loaded');
    same('Do not retry at once.', "Don't retry at once.");
    same('Do not retry at once.', 'Never retry at once.');
    different('Do not retry at once.', 'Retry at once.');
  });

  it('a clause ends at a dash or at the sentence end, and quotes around words do not count', () => {
    same('Send the token - again', 'Send the token — again');
    same('Send the token!', '"Send the token"');
    expect(fixAction("Verify the token's signature")).toBe('check signature');
  });

  it('with no object, the rest of the clause is the action; with no words, the text itself', () => {
    expect(fixAction('Check that the credential belongs to this environment.')).toBe(
      'check that the credential belongs to this environment',
    );
    expect(fixAction('Wait')).toBe('wait');
    expect(fixAction('  —  ')).toBe('—');
  });
});

describe('mergeFixes: each action once, each rule list as written', () => {
  it('a rule that names one action twice keeps both wordings; an exact repeat is shown once', () => {
    const own = [
      'Refresh the access token (refresh-token grant or silent re-authentication) and replay the request.',
      'Refresh the token (or sign in again) and retry; if a fresh token fails too, compare client and server clocks.',
    ];
    expect(mergeFixes([own])).toEqual(own);
    expect(mergeFixes([[own[0]!, own[0]!], [own[1]!]])).toEqual([own[0]]);
  });
});
