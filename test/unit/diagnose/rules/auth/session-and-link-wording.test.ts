// What three readings of "no usable credential" say, each rule on its own (before diagnose() merges
// readings of the same id): a redirect to the sign-in page that names this request as the way back
// (login-redirect.ts; Django's login_required ?next=, https://docs.djangoproject.com/en/5.0/topics/auth/default/),
// a site's own logged-out flag cookie or a guest role in the answer (logged-out.ts; GitHub's
// logged_in=no), and a signed URL refused inside its validity window (signed-url-refused.ts; Azure SAS
// st/se times, https://learn.microsoft.com/rest/api/storageservices/create-service-sas).
import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../../../lib/core/causes';
import type { Rule } from '../../../../../lib/core/context';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import { loggedOutRule } from '../../../../../lib/diagnose/rules/auth/logged-out';
import { loginRedirectRule } from '../../../../../lib/diagnose/rules/auth/login-redirect';
import { signedUrlRefusedRule } from '../../../../../lib/diagnose/rules/auth/signed-url-refused';
import { makeHar, type EntrySpec } from '../../../../support/har';
import { DATE, ruleCauses } from './support';

const of = (rule: Rule, spec: EntrySpec): Cause[] => ruleCauses(rule, makeHar([spec]));
const lines = (c: Cause) => c.evidence.map((e) => `${e.where} ${e.name ?? '-'} | ${e.detail}`);

describe('sent to the sign-in page', () => {
  const redirect = (headers: Record<string, string>, statusText = ''): EntrySpec => ({
    url: 'https://app.example.com/dashboard/',
    status: 302,
    statusText,
    requestHeaders: headers,
    responseHeaders: { Location: '/accounts/login/?next=/dashboard/' },
  });

  it('without cookies: the way back quoted by its name only, and no cookie said', () => {
    const [c] = of(loginRedirectRule, redirect({}, 'Found'));
    expect(c!.title).toBe('The server sent the caller to its sign-in page: no session it accepts');
    expect(c!.confidence).toBe(CONFIDENCE.likely);
    expect(c!.summary).toBe(
      'Instead of the resource, the server answered 302 to its sign-in page, with this URL as the way back (next=…). ' +
        'That is how a session-based site refuses an anonymous caller. No cookie was sent with the request.',
    );
    expect(lines(c!)).toEqual([
      'response.status - | 302 Found',
      'response.header location | Location: /accounts/login/?next=/dashboard/',
      'request.header cookie | no Cookie header on the request',
    ]);
    expect(c!.fixes).toEqual([
      'Sign in first, and send the session cookie with this call (fetch: credentials: "include" for another origin, "same-origin" by default).',
      'For an API called by a script, use the token authentication the API documents rather than the browser session.',
    ]);
  });

  it('with cookies: their names (never their values), and that none was a session the server accepts', () => {
    const [c] = of(loginRedirectRule, redirect({ Cookie: 'csrftoken=s3cr3t; theme=dark' }));
    expect(c!.summary).toMatch(
      / Cookies were sent, but none carried a session the server accepts \(expired, or signed out\)\.$/,
    );
    expect(lines(c!)[0]).toBe('response.status - | 302');
    expect(lines(c!)[2]).toBe('request.header cookie | cookies sent: csrftoken, theme');
    expect(JSON.stringify(c)).not.toContain('s3cr3t');
  });

  it('a redirect elsewhere is not this', () => {
    expect(of(loginRedirectRule, { ...redirect({}), responseHeaders: { Location: '/dashboard/v2/' } })).toEqual([]);
  });
});

describe('a logged-out browser', () => {
  const flagged = (status: number, headers: Record<string, string> = {}): EntrySpec => ({
    url: 'https://github.example/api/notifications',
    status,
    requestHeaders: { Cookie: '_gh_sess=abc; logged_in=no', ...headers },
  });

  it("the site's own flag: quoted as sent, certain, and the cookies called an anonymous session", () => {
    const [c] = of(loggedOutRule, flagged(401));
    expect(c!.id).toBe('auth.missing');
    expect(c!.confidence).toBe(CONFIDENCE.certain);
    expect(c!.title).toBe('The browser was logged out (cookie logged_in=no): no credential was sent');
    expect(c!.summary).toBe(
      "The request carried cookies, but the site's own flag says the visitor is not logged in (logged_in=no), " +
        'and there was no Authorization header or API key. The other cookies are an anonymous session, not a login.',
    );
    expect(lines(c!)).toEqual(['request.cookie logged_in | logged_in=no', 'response.status - | 401']);
    expect(c!.fixes).toEqual([
      'Log in (or attach the token or key the API expects) before this call; the cookies a logged-out browser sends are not a session.',
    ]);
  });

  it('read at 401, 403, 419 and a 2xx (an answer that hides the refusal), not at 404, 407 or a 3xx', () => {
    for (const status of [401, 403, 419, 200, 299]) expect(of(loggedOutRule, flagged(status))).toHaveLength(1);
    for (const status of [404, 407, 300, 199]) expect(of(loggedOutRule, flagged(status))).toEqual([]);
  });

  it('a flag that says yes, or a caller with a token or a key, is no logged-out caller', () => {
    expect(of(loggedOutRule, { ...flagged(401), requestHeaders: { Cookie: 'logged_in=yes' } })).toEqual([]);
    expect(of(loggedOutRule, flagged(401, { Authorization: 'Bearer abcdefabcdefabcdef' }))).toEqual([]);
    expect(of(loggedOutRule, flagged(401, { 'X-Api-Key': 'k_1234567890abcdef' }))).toEqual([]);
  });

  it('a guest role named in a refusal: quoted, likely; the same words in a 200 are not read', () => {
    const guest = (status: number): EntrySpec => ({
      url: 'https://shop.example.com/graphql',
      status,
      body: JSON.stringify({ errors: [{ message: 'The guest role lacks the scope customer:read' }] }),
    });
    const c = of(loggedOutRule, guest(403));
    expect(c).toHaveLength(1);
    expect(c[0]!.confidence).toBe(CONFIDENCE.likely);
    expect(c[0]!.title).toBe('The server treated the caller as a guest: no session or token was sent');
    expect(c[0]!.summary).toBe(
      'The response speaks of a guest role; the request had no Authorization header or API key. ' +
        'Any scopes or permissions it names are those of the anonymous role, not of a token.',
    );
    expect(lines(c[0]!)).toEqual(['response.body - | "guest role" in the response', 'response.status - | 403']);
    expect(of(loggedOutRule, guest(200))).toEqual([]);
    // Only the head of the body is read: the words past its first 4000 characters are not.
    const late: EntrySpec = { ...guest(403), body: `${' '.repeat(4000)}The guest role lacks the scope customer:read` };
    expect(of(loggedOutRule, late)).toEqual([]);
  });
});

describe('a signed URL refused inside its window', () => {
  // The response's Date (12:04:10) is the clock the window is read against.
  const sas = (query: string, status = 403): EntrySpec => ({
    url: `https://acct.blob.core.windows.net/c/report.pdf?${query}&sv=2022-11-02&sp=r&sig=c2ln`,
    status,
    responseHeaders: { Date: DATE },
  });

  it('the window and the parameters quoted; the signature blamed, possible', () => {
    const [c] = of(signedUrlRefusedRule, sas('st=2026-11-21T11:00:00Z&se=2026-11-21T13:00:00Z'));
    expect(c!.id).toBe('signature.mismatch');
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(c!.title).toBe('The Azure shared access signature (SAS) was refused inside its validity window');
    expect(c!.summary).toBe(
      'The URL carries its own authorisation (valid until 2026-11-21T13:00:00Z), and the server refused it before it ' +
        'expired: the signature does not match what the server computes (another secret, or the path or query changed after signing).',
    );
    expect(c!.evidence[0]).toEqual({
      where: 'request.query',
      detail: 'st=2026-11-21T11:00:00Z&se=2026-11-21T13:00:00Z&sv=2022-11-02 (valid until 2026-11-21T13:00:00Z)',
    });
    expect(c!.fixes).toEqual([
      'Sign the exact path and parameters that are requested, with the secret the server holds (compare the string-to-sign).',
      'Check that nothing (a proxy, a URL encoder) rewrote the URL after it was signed.',
    ]);
  });

  it('with no clock at all (no Date, no readable start time) the window cannot rule it out: the signature is still named', () => {
    const noClock = {
      ...sas('st=2026-11-21T11:00:00Z&se=2026-11-21T13:00:00Z'),
      responseHeaders: {},
      startedDateTime: 'x',
    };
    expect(of(signedUrlRefusedRule, noClock)).toHaveLength(1);
  });

  it('its edges: expired at the very second, or not yet valid, it is not this; valid from this second, it is', () => {
    expect(of(signedUrlRefusedRule, sas('se=2026-11-21T12:04:10Z'))).toEqual([]);
    expect(of(signedUrlRefusedRule, sas('se=2026-11-21T12:04:11Z'))).toHaveLength(1);
    expect(of(signedUrlRefusedRule, sas('st=2026-11-21T12:04:11Z&se=2026-11-21T13:00:00Z'))).toEqual([]);
    expect(of(signedUrlRefusedRule, sas('st=2026-11-21T12:04:10Z&se=2026-11-21T13:00:00Z'))).toHaveLength(1);
  });

  it('without an expiry: no window said; without quotable parameters, its kind is quoted', () => {
    const [open] = of(signedUrlRefusedRule, sas('spr=https'));
    expect(open!.summary).toMatch(
      /^The URL carries its own authorisation, and the server refused it before it expired/,
    );
    expect(open!.evidence[0]!.detail).toBe('sv=2022-11-02');
    const [bare] = of(signedUrlRefusedRule, {
      url: 'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abc',
      status: 403,
      responseHeaders: { Date: DATE },
    });
    expect(bare!.evidence[0]!.detail).toBe('presigned S3/AWS URL (SigV4)');
  });

  it('only a 403: a 401 or a 404 to the same link is not read as a bad signature', () => {
    expect(of(signedUrlRefusedRule, sas('se=2026-11-21T13:00:00Z', 401))).toEqual([]);
    expect(of(signedUrlRefusedRule, sas('se=2026-11-21T13:00:00Z', 404))).toEqual([]);
  });
});
