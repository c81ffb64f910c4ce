// The wording rows (lib/vendors/codes/messages.ts) read a refusal stated only in words, for servers no
// table knows (issue 17: right on servers nobody here wrote). Each message below is the documented
// wording of a real service or framework, with its source; the reading is the one an expert would give.
import { describe, expect, it } from 'vitest';
import { explainMessage } from '../../../lib/vendors/codes';

const causeOf = (message: string) =>
  explainMessage({ family: 'message', code: '', at: '/message', message })?.row.cause;

const DOCUMENTED: [message: string, cause: string, source: string][] = [
  [
    'Requires authentication',
    'auth.unauthenticated',
    'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api',
  ],
  [
    'Resource not accessible by integration',
    'permission.denied',
    'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api',
  ],
  [
    'Must have admin rights to Repository.',
    'permission.denied',
    'GitHub REST API, repository administration endpoints',
  ],
  ['You did not provide an API key.', 'api_key.missing', 'https://docs.stripe.com/api/authentication'],
  ["You didn't provide an API key.", 'api_key.missing', 'https://platform.openai.com/docs/guides/error-codes'],
  ['Invalid API Key provided: sk_test_****1234', 'api_key.invalid', 'https://docs.stripe.com/api/errors'],
  [
    "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
    'api_key.invalid',
    'https://mailchimp.com/developer/marketing/docs/errors/',
  ],
  [
    'The AWS Access Key Id you provided does not exist in our records.',
    'api_key.invalid',
    'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (InvalidAccessKeyId)',
  ],
  [
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    'auth.invalid',
    'https://cloud.google.com/docs/authentication/troubleshoot-adc (UNAUTHENTICATED)',
  ],
  [
    'The security token included in the request is invalid.',
    'auth.invalid',
    'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html',
  ],
  [
    "Couldn't authenticate you",
    'auth.invalid',
    'https://developer.zendesk.com/api-reference/introduction/security-and-auth/',
  ],
  ['Could not validate credentials', 'auth.invalid', 'https://fastapi.tiangolo.com/tutorial/security/oauth2-jwt/'],
  [
    'Missing Permissions',
    'permission.denied',
    'https://discord.com/developers/docs/topics/opcodes-and-status-codes#json (50013)',
  ],
  [
    'Missing Access',
    'permission.denied',
    'https://discord.com/developers/docs/topics/opcodes-and-status-codes#json (50001)',
  ],
  [
    'requested access to the resource is denied',
    'permission.denied',
    'https://distribution.github.io/distribution/spec/api/#errors (DENIED)',
  ],
  ['missing client token', 'auth.unauthenticated', 'https://developer.hashicorp.com/vault/api-docs#http-status-codes'],
  [
    'new row violates row-level security policy for table "todos"',
    'permission.denied',
    'https://postgrest.org/en/stable/references/errors.html (42501)',
  ],
  ['This action is unauthorized.', 'permission.denied', 'https://laravel.com/docs/11.x/authorization'],
  [
    'action [indices:data/read/search] is unauthorized for user [bob] with roles [viewer]',
    'permission.denied',
    'https://www.elastic.co/guide/en/elasticsearch/reference/current/security-privileges.html',
  ],
  [
    'You need to sign in or sign up before continuing.',
    'auth.unauthenticated',
    'https://github.com/heartcombo/devise/blob/main/config/locales/en.yml',
  ],
  ['CSRF token missing or incorrect.', 'csrf.invalid', 'https://docs.djangoproject.com/en/5.1/ref/csrf/'],
  ['CSRF verification failed. Request aborted.', 'csrf.invalid', 'https://docs.djangoproject.com/en/5.1/ref/csrf/'],
  ['invalid csrf token', 'csrf.invalid', 'https://github.com/expressjs/csurf#custom-error-handling'],
  [
    'Too many login attempts. Please try again later.',
    'rate_limit.exceeded',
    'a login throttle (Laravel auth.throttle: "Too many login attempts.")',
  ],
];

// Messages that name a key, a token, a permission or a limit without refusing anything.
const NOT_REFUSALS = [
  'This field may not be blank.',
  'Missing required parameter: name',
  'Too many items in the request body',
  'The access key must be 20 characters long.',
  'Please provide a valid email address.',
];

describe('documented refusal wordings are read (messages.ts)', () => {
  it.each(DOCUMENTED)('"%s" reads %s (%s)', (message, cause) => {
    expect(causeOf(message)).toBe(cause);
  });

  it.each(NOT_REFUSALS)('"%s" is no refusal', (message) => {
    expect(causeOf(message)).toBeUndefined();
  });
});
