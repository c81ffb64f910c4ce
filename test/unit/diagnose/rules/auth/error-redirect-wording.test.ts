// What the error-redirect rule (lib/diagnose/rules/auth/error-redirect.ts) tells the user, run alone, and the
// redirect it reads (lib/inspect/error-redirect.ts, lib/inspect/redirect-target.ts). Auth.js answers a refused
// sign-in with `302 Found` to `${pages.signIn}?error=<type>` (@auth/core's handler; the types:
// https://authjs.dev/reference/core/errors).
import { describe, expect, it } from 'vitest';
import { errorRedirectRule } from '../../../../../lib/diagnose/rules/auth/error-redirect';
import { errorRedirect } from '../../../../../lib/inspect/error-redirect';
import { toExchange } from '../../../../../lib/model/exchange';
import { makeEntry, makeHar, type EntrySpec } from '../../../../support/har';
import { ruleCauses } from './support';

const APP = 'http://app.example.test';
const form = 'application/x-www-form-urlencoded';

const callback = (location: string | null, extra: Partial<EntrySpec> = {}): EntrySpec => ({
  method: 'POST',
  url: `${APP}/api/auth/callback/credentials`,
  status: 302,
  statusText: 'Found',
  requestHeaders: { 'Content-Type': form },
  requestBody: 'email=bo%40lab.test&password=wrong-pass',
  requestMimeType: form,
  responseHeaders: location === null ? {} : { Location: location },
  ...extra,
});

const run = (spec: EntrySpec) => ruleCauses(errorRedirectRule, makeHar([spec]));

describe('the error-redirect cause, as the user reads it', () => {
  it('names the status and the error type, quotes the status line and the Location, and gives the fix per type', () => {
    const location = `${APP}/api/auth/signin?error=CredentialsSignin&code=credentials`;
    const [c, ...more] = run(callback(location));
    expect(more).toEqual([]);
    expect(c).toMatchObject({
      id: 'auth.invalid',
      title: 'The sign-in was refused: the credentials were not accepted',
      summary:
        'The server answered 302 with a redirect whose query names the error "CredentialsSignin": ' +
        'that is how Auth.js (NextAuth.js) refuses a sign-in, a sign-out or a callback.',
      fixes: ['Check the e-mail/user name and password sent; the provider’s authorize() found no match.'],
    });
    expect(c!.evidence).toEqual([
      { where: 'response.status', detail: '302 Found' },
      { where: 'response.header', name: 'location', detail: `Location: ${location}` },
    ]);
  });

  it('states each documented refusal type with its own title and fixes', () => {
    const read = (type: string) => {
      const [c] = run(callback(`/api/auth/signin?error=${type}`));
      return { id: c!.id, title: c!.title, fixes: c!.fixes };
    };
    expect(read('MissingCSRF')).toEqual({
      id: 'csrf.invalid',
      title: "The request lacked the auth library's CSRF token (or sent another)",
      fixes: [
        'Fetch GET …/auth/csrf first and send its csrfToken in the POST body, with the authjs.csrf-token (next-auth.csrf-token) cookie it set.',
        'Use the library’s own signIn()/signOut() helpers, which send the token.',
      ],
    });
    expect(read('AccessDenied')).toEqual({
      id: 'permission.denied',
      title: 'The sign-in was refused: this account may not sign in',
      fixes: ['The signIn callback returned false for this user: check the rule that admits users.'],
    });
    expect(read('SessionRequired')).toEqual({
      id: 'auth.missing',
      title: 'The page needs a session and the caller had none',
      fixes: ['Sign in first, and send the session cookie with this request.'],
    });
  });

  it('shows a status line without a reason phrase as the status alone, and clips a long Location at 200', () => {
    const long = `/api/auth/signin?error=CredentialsSignin&callbackUrl=${'a'.repeat(300)}`;
    const [c] = run(callback(long, { statusText: '', status: 303 }));
    expect(c!.evidence[0]!.detail).toBe('303');
    expect(c!.summary).toContain('The server answered 303 with a redirect');
    const loc = c!.evidence[1]!.detail;
    expect(loc.startsWith('Location: /api/auth/signin?error=CredentialsSignin&callbackUrl=aaa')).toBe(true);
    expect(loc).toHaveLength('Location: '.length + 200);
    expect(loc.endsWith('…')).toBe(true);
  });

  it('says nothing of a call that was not redirected, or redirected without a refusal type', () => {
    expect(run({ ...callback(null), status: 401 })).toEqual([]);
    expect(run(callback('/api/auth/signin'))).toEqual([]);
    expect(run(callback('/api/auth/signin?error='))).toEqual([]);
    expect(run(callback('/api/auth/signin?code=credentials'))).toEqual([]);
  });
});

describe('the redirect read (errorRedirect)', () => {
  const read = (spec: EntrySpec, redirectURL = '') => {
    const entry = makeEntry(spec);
    entry.response.redirectURL = redirectURL;
    return errorRedirect(toExchange(entry, 0));
  };

  it("reads the HAR's redirectURL when the recorder kept no Location header", () => {
    expect(read(callback(null), '/api/auth/signin?error=MissingCSRF')).toEqual({
      location: '/api/auth/signin?error=MissingCSRF',
      type: 'MissingCSRF',
      cause: 'csrf.invalid',
    });
    // the header, when there is one, is what the server sent
    expect(read(callback('/api/auth/error?error=AccessDenied'), '/api/auth/signin?error=MissingCSRF')?.type).toBe(
      'AccessDenied',
    );
  });

  it('takes only the documented types, exactly as written, and only on the same host', () => {
    expect(read(callback('/api/auth/signin?error=credentialssignin'))).toBeNull();
    expect(read(callback('/api/auth/signin?error=Signin'))).toBeNull();
    expect(read(callback('//other.example.test/api/auth/signin?error=CredentialsSignin'))).toBeNull();
    expect(read(callback(`${APP}:8443/api/auth/signin?error=CredentialsSignin`))).toBeNull();
    expect(read(callback('/api/auth/signin?error=SessionRequired'))?.cause).toBe('auth.missing');
  });
});
