import type { Exchange } from '../model/exchange';

// A password field with a value, in a form or JSON body: "password", "passwd", "pass", "pwd",
// also prefixed ("user_password", "current-password") or nested the Rails/PHP way, as a browser
// sends Devise's form: `user%5Bpassword%5D=…` (`user[password]`,
// https://guides.rubyonrails.org/form_helpers.html#understanding-parameter-naming-conventions).
// Bounded, so a crafted body costs little.
const PASSWORD_FIELD =
  /(?:^|&)[\w.%[\]-]{0,40}?(?:password|passwd|pass|pwd)(?:%5D|\])?=[^&\s]|"[\w.-]{0,40}?(?:password|passwd|pass|pwd)"\s*:\s*"[^"\s]/i;

// A sign-in endpoint by its path: /login, /auth/login/, /signin, Devise's /users/sign_in
// (https://github.com/heartcombo/devise#configuring-routes), /sessions, /authenticate. A password
// in any other body (a sign-up, a password change) is data the call needs, not how it identifies
// itself: such a call may still need a token it did not send. A password sent to get a token is a
// sign-in too: DRF's `obtain_auth_token` at `api-token-auth/`
// (https://www.django-rest-framework.org/api-guide/authentication/#by-exposing-an-api-endpoint),
// Simple JWT's `api/token/` (https://django-rest-framework-simplejwt.readthedocs.io/en/latest/getting_started.html).
// Feathers signs in at its authentication service, `POST /authentication` with `{"strategy":"local",…}`
// (https://feathersjs.com/api/authentication/service.html#create-data-params); Strapi at `POST /api/auth/local`
// (https://docs.strapi.io/cms/features/users-permissions#login). CouchDB signs in at `POST /_session` with
// `{"name":…,"password":…}` or the same as a form (https://docs.couchdb.org/en/stable/api/server/authn.html#cookie-authentication).
const SIGN_IN_PATH =
  /\/(?:_session|log[-_]?in|sign[-_]?in|authenticat(?:e|ion)|auth\/local|sessions?|(?:api[-_])?token(?:[-_]auth)?|(?:jwt|auth)[-_]token)(?:\/|\.json)?$/i;

/**
 * The request signs in with credentials in its body (a login form or a JSON login): no
 * Authorization header, yet a credential was sent, so a refusal of it is never "nothing sent".
 */
export function signsInWithBody(x: Exchange): boolean {
  if (x.method !== 'POST' && x.method !== 'PUT') return false;
  if (!SIGN_IN_PATH.test(x.url?.pathname ?? '')) return false;
  return PASSWORD_FIELD.test(x.requestBody?.slice(0, 16 * 1024) ?? '');
}

// A user name and a password as query parameters, the pairs APIs document: InfluxDB 1.x's `u` and `p`
// (https://docs.influxdata.com/influxdb/v1/administration/authentication_and_authorization/#authenticate-with-query-parameters-in-the-url-or-request-body),
// the Subsonic API's `u` and `p` (http://www.subsonic.org/pages/api.jsp), and spelled-out names. Only a pair counts,
// each with a value: a lone `p` is a page number, `?user=ada` a filter.
const QUERY_LOGIN_PAIRS: readonly [RegExp, RegExp][] = [
  [/^u$/, /^p$/],
  [/^(?:user(?:[-_]?name)?|login)$/, /^(?:password|passwd|pass|pwd)$/],
];

/** The request names a user and a password in its query string: credentials sent, though no header carries them. */
export function signsInWithQuery(x: Exchange): boolean {
  // Stryker disable next-line ArrayDeclaration: any stand-in for no URL holds no name=value pair the pairs below read
  const names = [...(x.url?.searchParams ?? [])].filter(([, v]) => v !== '').map(([k]) => k.toLowerCase());
  return QUERY_LOGIN_PAIRS.some(([user, pass]) => names.some((n) => user.test(n)) && names.some((n) => pass.test(n)));
}
