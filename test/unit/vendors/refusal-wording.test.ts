// A 4xx that is not a refusal status is flagged when its structured message refuses the caller in
// so many words (issue 17). Both sides are documented wordings: the servers' own refusal sentences,
// and the validation messages of common frameworks that must stay quiet although they name a
// password, a token, a key or a permission.
import { describe, expect, it } from 'vitest';
import { statesRefusal } from '../../../lib/vendors/codes/refusal-wording';
import { explainMessage } from '../../../lib/vendors/codes';
import { isKeyHeader } from '../../../lib/model/key-names';
import { isFlagged } from '../../../lib/diagnose/flag';
import { diagnose } from '../../../lib/diagnose/diagnose';
import { toExchange } from '../../../lib/model/exchange';
import type { HarEntry } from '../../../lib/har';
import { makeEntry } from '../../support/har';

const REFUSALS: [string, string][] = [
  // https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication
  ['Unable to log in with provided credentials.', 'DRF obtain_auth_token'],
  // https://github.com/laravel/laravel/blob/11.x/lang/en/auth.php
  ['These credentials do not match our records.', 'Laravel auth.failed'],
  // https://docs.parseplatform.org/rest/guide/#error-codes (101)
  ['Invalid username/password.', 'Parse Server'],
  // https://docs.leancloud.app/error_code.html (210, 1)
  ['The username and password mismatch.', 'LeanCloud 210'],
  ['The request must be signed by master key.', 'LeanCloud 1'],
  // https://docs.strapi.io/dev-docs/error-handling
  ['Invalid identifier or password', 'Strapi'],
  // https://docs.allauth.org/en/latest/headless/openapi-specification/
  ['The email address and/or password you specified are not correct.', 'django-allauth'],
  // https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.identity.identityerrordescriber.passwordmismatch
  ['Incorrect password.', 'ASP.NET Core Identity PasswordMismatch'],
  // https://www.django-rest-framework.org/api-guide/exceptions/#notauthenticated
  ['Authentication credentials were not provided.', 'DRF NotAuthenticated'],
  // https://www.django-rest-framework.org/api-guide/exceptions/#permissiondenied
  ['You do not have permission to perform this action.', 'DRF PermissionDenied'],
  // https://www.passportjs.org/packages/passport-local/ (badRequestMessage)
  ['Missing credentials', 'passport-local'],
  ['Invalid access token', 'a bearer token named and refused'],
  ['Your session has expired', 'a session refused'],
  ['Permission denied', 'a right refused'],
  ['Invalid API key', 'a key refused'],
  // https://docs.parseplatform.org/rest/guide/#error-codes (209, 119 with enableSanitizedErrorResponse off)
  ['Invalid session token', 'Parse Server 209'],
  ['master key is required', 'Parse Server 119'],
  ['Permission denied for action find on class Payroll.', 'Parse Server 119'],
  // https://github.com/iMerica/dj-rest-auth/blob/master/dj_rest_auth/serializers.py
  ['E-mail is not verified.', 'dj-rest-auth LoginSerializer'],
  // https://docs.djangoproject.com/en/5.1/topics/auth/default/#django.contrib.auth.forms.AuthenticationForm
  ['This account is inactive.', 'Django AuthenticationForm inactive'],
  // Apache OpenWhisk controller, 401 for a wrong namespace key:
  // https://github.com/apache/openwhisk/blob/master/common/scala/src/main/scala/org/apache/openwhisk/http/ErrorResponse.scala
  ['The supplied authentication is invalid', 'OpenWhisk unauthorized'],
  ['The provided credentials are not valid.', 'a supplied credential refused'],
];

const LOOKALIKES: [string, string][] = [
  // https://docs.djangoproject.com/en/5.1/topics/auth/passwords/#module-django.contrib.auth.password_validation
  ['This password is too short. It must contain at least 8 characters.', 'Django MinimumLengthValidator'],
  ['This password is too common.', 'Django CommonPasswordValidator'],
  ['The password is too similar to the username.', 'Django UserAttributeSimilarityValidator'],
  ['The two password fields didn’t match.', 'Django SetPasswordForm'],
  // https://github.com/laravel/laravel/blob/11.x/lang/en/validation.php
  ['The password field must be at least 8 characters.', 'Laravel min'],
  ['The password field confirmation does not match.', 'Laravel confirmed'],
  ['The email has already been taken.', 'Laravel unique'],
  // https://guides.rubyonrails.org/active_record_validations.html
  ["Password confirmation doesn't match Password", 'Rails confirmation'],
  ['Password is too short (minimum is 6 characters)', 'Rails length'],
  // https://joi.dev/api/#list-of-errors
  ['"password" length must be at least 8 characters long', 'Joi string.min'],
  ['"username" is not allowed to be empty', 'Joi string.empty'],
  ['"token" is required', 'Joi any.required'],
  // https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.identity.identityerrordescriber
  ["Passwords must have at least one digit ('0'-'9').", 'ASP.NET Core Identity PasswordRequiresDigit'],
  // https://cloud.google.com/apis/design/design_patterns#list_pagination
  ['Invalid page token.', 'a pagination token'],
  ['This password reset token is invalid.', 'Laravel passwords.token'],
  ['Invalid input: permissions must be an array', 'a field named permissions'],
  ['api_key must be a string', 'a field named api_key'],
  ['Role ACL is required.', 'LeanCloud, a missing ACL field'],
  ['Invalid password: must contain a number', 'a sign-up rule'],
  ['Passwords do not match', 'a confirmation field'],
  ['Enter a valid email address.', 'Django EmailValidator'],
  ['A user is already registered with this e-mail address.', 'dj-rest-auth RegisterSerializer'],
  ["body must have required property 'password'", 'Fastify schema validation'],
];

describe('refusal wording', () => {
  it.each(REFUSALS)('"%s" (%s) refuses the caller', (message) => {
    expect(statesRefusal(message)).toBe(true);
  });

  it.each(LOOKALIKES)('"%s" (%s) is a request error, not a refusal', (message) => {
    expect(statesRefusal(message)).toBe(false);
  });

  it('does not read prose: a refusal sentence inside a long message is not one', () => {
    const long = `${'Stack trace line; '.repeat(30)}Permission denied`;
    expect(long.length).toBeGreaterThan(400);
    expect(statesRefusal(long)).toBe(false);
    expect(statesRefusal(long.slice(-390))).toBe(true);
  });

  it.each(REFUSALS)('"%s" (%s) is also explained by a message row, so the flag comes with a cause', (message) => {
    expect(explainMessage({ family: 'message', code: '', at: '/error', message })?.row.cause).toBeTruthy();
  });

  it('reads nothing from no message', () => {
    expect(statesRefusal(undefined)).toBe(false);
    expect(statesRefusal('')).toBe(false);
  });
});

function entry(
  status: number,
  body: object | string,
  method = 'POST',
  url = 'https://api.example.test/1.1/login',
  mimeType = 'application/json',
): HarEntry {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return makeEntry({ method, url, status, body: text, mimeType, responseHeaders: { 'Content-Type': mimeType } });
}

// Playwright's recordHar writes every header sent, so a credential absent from its capture was not sent.
function topCause(e: HarEntry, creator = 'test'): string | undefined {
  return diagnose({ log: { version: '1.2', creator: { name: creator, version: '0' }, entries: [e] } })[0]?.causes[0]
    ?.id;
}

describe('a refusal stated in words in a 4xx that is not a refusal status', () => {
  it('flags a 400 whose message is a wrong password, with the cause the words give', () => {
    const e = entry(400, { code: 210, error: 'The username and password mismatch.' });
    expect(isFlagged(toExchange(e, 0))).toBe(true);
    expect(topCause(e)).toBe('auth.invalid');
  });

  it('flags a 404 and a 422 that refuse the login (Parse Server, Laravel)', () => {
    expect(isFlagged(toExchange(entry(404, { code: 101, error: 'Invalid username/password.' }), 0))).toBe(true);
    expect(isFlagged(toExchange(entry(422, { message: 'These credentials do not match our records.' }), 0))).toBe(true);
  });

  it('reads the words beside a code no table marks as a refusal (Strapi ValidationError)', () => {
    const e = entry(400, {
      data: null,
      error: { status: 400, name: 'ValidationError', message: 'Invalid identifier or password', details: {} },
    });
    expect(isFlagged(toExchange(e, 0))).toBe(true);
    expect(topCause(e)).toBe('auth.invalid');
  });

  it('names a missing right when the request must be signed with a stronger key', () => {
    const e = entry(400, { code: 1, error: 'The request must be signed by master key.' }, 'PUT');
    expect(isFlagged(toExchange(e, 0))).toBe(true);
    expect(topCause(e)).toBe('permission.denied');
  });

  it('leaves validation 400s quiet, even when they name a password or a permission', () => {
    for (const [message] of LOOKALIKES) {
      expect(isFlagged(toExchange(entry(400, { message }), 0)), message).toBe(false);
    }
  });

  it('does not flag a 5xx or a 3xx that quotes a refusal sentence', () => {
    expect(isFlagged(toExchange(entry(500, { message: 'Permission denied' }), 0))).toBe(false);
    expect(isFlagged(toExchange(entry(302, { message: 'Permission denied' }), 0))).toBe(false);
  });

  it('does not read a refusal sentence from a page that is not a structured error', () => {
    expect(isFlagged(toExchange(entry(400, '<html><body>Permission denied</body></html>'), 0))).toBe(false);
  });

  it('reads one line of text/plain as the message (Express res.status(400).send)', () => {
    const plain = (status: number, text: string) =>
      entry(status, text, 'POST', 'https://api.example.test/login', 'text/plain; charset=utf-8');
    const wrong = plain(400, 'Invalid username or password');
    expect(isFlagged(toExchange(wrong, 0))).toBe(true);
    expect(topCause(wrong)).toBe('auth.invalid');
    expect(isFlagged(toExchange(plain(400, 'Bad Request'), 0))).toBe(false);
    expect(isFlagged(toExchange(plain(400, 'Passwords do not match'), 0))).toBe(false);
    // Text over three lines is a trace or a page, not a sentence to the caller.
    expect(isFlagged(toExchange(plain(400, 'at a\nat b\nat c\nPermission denied'), 0))).toBe(false);
    // At a refusal status the line explains the refusal, as a JSON message would.
    expect(topCause(plain(401, 'Your session has expired'))).toBe('auth.token_expired');
  });

  it('reads a session token in a vendor header as a credential sent: the refusal is of a right, not of no one', () => {
    const e = entry(
      400,
      { code: 119, error: 'Permission denied' },
      'GET',
      'https://api.example.test/parse/classes/Payroll',
    );
    e.request.headers.push({ name: 'X-Parse-Session-Token', value: 'r:4071c4ec6f7c862f1c5c4e4fb506' });
    expect(topCause(e)).toBe('permission.denied');
    const anonymous = entry(
      400,
      { code: 119, error: 'Permission denied' },
      'GET',
      'https://api.example.test/parse/classes/Payroll',
    );
    anonymous.request.headers.push({ name: 'X-Parse-Application-Id', value: 'lab-app' });
    expect(topCause(anonymous, 'Playwright')).toBe('auth.missing');
  });
});

describe('credential headers by name', () => {
  it.each([
    'x-parse-session-token',
    'x-lc-session',
    'x-acme-access-token',
    'x-parse-rest-api-key',
    'x-parse-master-key',
    'x-api-key',
    'x-vault-token',
    'x-consul-token',
  ])('%s carries a credential', (name) => expect(isKeyHeader(name)).toBe(true));
  it.each([
    'x-csrf-token',
    'x-xsrf-token',
    'x-request-id',
    'idempotency-key',
    'x-idempotency-key',
    'x-session-affinity',
    'x-parse-application-id',
    'x-page-token',
    'x-continuation-token',
    'x-idempotency-token',
  ])('%s does not', (name) => expect(isKeyHeader(name)).toBe(false));
});

describe('credentials in a sign-in body', () => {
  const body = JSON.stringify({ email: 'a@example.com', password: 'admin123!@#' });
  const call = (path: string, status: number, message: string) => {
    const e = entry(status, { non_field_errors: [message] }, 'POST', `https://api.example.test${path}`);
    e.request.headers.push({ name: 'Content-Type', value: 'application/json' });
    e.request.postData = { mimeType: 'application/json', text: body };
    return e;
  };

  it('a login refused for the account (dj-rest-auth "E-mail is not verified.") is not an anonymous caller', () => {
    expect(topCause(call('/api/v1/auth/login/', 400, 'E-mail is not verified.'), 'Playwright')).toBe(
      'permission.denied',
    );
  });

  it('a password in a sign-up body is data, not a credential: "not provided" there is still missing', () => {
    expect(topCause(call('/api/v1/users/', 401, 'Authentication credentials were not provided.'), 'Playwright')).toBe(
      'auth.missing',
    );
  });
});
