import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Django, Django REST framework (+ SimpleJWT), FastAPI and Flask-WTF default messages.
const DRF = 'https://www.django-rest-framework.org/api-guide/authentication/#unauthorized-and-forbidden-responses';
const DRF_EXC = 'https://www.django-rest-framework.org/api-guide/exceptions/';
const DJANGO_CSRF = 'https://docs.djangoproject.com/en/stable/ref/csrf/';
const SIMPLEJWT = 'https://django-rest-framework-simplejwt.readthedocs.io/en/latest/getting_started.html';
const CSRF_FIX = [
  "Send the csrftoken cookie's value in the X-CSRFToken header (or the csrfmiddlewaretoken form field) with every unsafe request.",
  "For cross-origin or HTTPS calls, add the page's origin to CSRF_TRUSTED_ORIGINS; the Referer/Origin must match.",
];

export const PYTHON_FRAMEWORKS: readonly Signature[] = [
  {
    id: 'drf.csrf_failed',
    vendor: 'Django REST framework',
    group: 'django',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    body: /CSRF\s+Failed\s*:/i,
    title: 'Django REST framework rejected the CSRF token',
    summary:
      "SessionAuthentication enforces Django's CSRF check on unsafe methods: the token is missing " +
      'or wrong, or the Origin/Referer is not trusted ("CSRF Failed: …" says which).',
    fixes: CSRF_FIX,
    source: 'https://www.django-rest-framework.org/topics/ajax-csrf-cors/',
  },
  {
    id: 'django.csrf_failed',
    vendor: 'Django',
    group: 'django',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    body: /CSRF\s+verification\s+failed\.?\s+Request\s+aborted/i,
    title: 'Django rejected the CSRF token ("CSRF verification failed")',
    summary:
      "Django's CsrfViewMiddleware refused the unsafe request: the token or cookie is missing, " +
      'does not match, or the Origin/Referer is not trusted. The page\'s "Reason given for failure" ' +
      'says which.',
    fixes: CSRF_FIX,
    source: DJANGO_CSRF,
  },
  {
    id: 'simplejwt.token_expired',
    vendor: 'DRF SimpleJWT',
    group: 'django',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    body: [/\btoken_not_valid\b/i, /Token\s+is\s+expired|"message"\s*:\s*"Token\s+has\s+expired/i],
    title: 'The JWT has expired (SimpleJWT)',
    summary: 'SimpleJWT rejected the access token with token_not_valid and says it has expired.',
    fixes: ['Refresh the access token with the refresh token (POST to the token refresh endpoint) and retry.'],
    source: SIMPLEJWT,
  },
  {
    id: 'simplejwt.token_not_valid',
    vendor: 'DRF SimpleJWT',
    group: 'django',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus15,
    body: /Given\s+token\s+not\s+valid\s+for\s+any\s+token\s+type|\btoken_not_valid\b/i,
    title: 'SimpleJWT rejected the token (invalid or expired)',
    summary:
      '"Given token not valid for any token type" / "Token is invalid or expired": SimpleJWT uses ' +
      "one message for a bad signature, a wrong token type and an expired token. The token's exp " +
      'tells which.',
    fixes: [
      'Decode the token: if exp is past, refresh it; otherwise check SIGNING_KEY and that an access (not refresh) token is sent.',
    ],
    source: SIMPLEJWT,
  },
  {
    id: 'drf.auth_header_malformed',
    vendor: 'Django REST framework',
    group: 'django',
    cause: 'auth.malformed',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Invalid\s+(?:token|basic)\s+header\.\s/i,
    title: 'DRF could not parse the Authorization header',
    summary:
      '"Invalid token header. No credentials provided." or "Token string should not contain spaces": ' +
      'the header has the scheme but no value, or extra spaces.',
    fixes: ['Send exactly "Authorization: Token <key>" (or "Bearer <jwt>") with a single space and no quotes.'],
    source: DRF,
  },
  {
    id: 'drf.not_provided',
    vendor: 'Django REST framework',
    group: 'django',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Authentication\s+credentials\s+were\s+not\s+provided/i,
    title: 'DRF wants credentials ("Authentication credentials were not provided")',
    summary:
      'No authentication class recognised a credential. DRF answers 401, or 403 when the first ' +
      'authentication class has no WWW-Authenticate (SessionAuthentication). With session auth, ' +
      'the session cookie may be missing or expired.',
    fixes: [
      "Send the credential the view's authentication classes expect (Authorization: Token/Bearer " +
        '…, or the sessionid cookie with credentials: "include").',
    ],
    source: DRF,
  },
  {
    id: 'drf.invalid_token',
    vendor: 'Django REST framework',
    group: 'django',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    body: /"detail"\s*:\s*"(?:Invalid\s+token\.?|Incorrect\s+authentication\s+credentials\.?|Invalid\s+username\/password\.?|User\s+inactive\s+or\s+deleted\.?)"/i,
    title: 'DRF rejected the credentials',
    summary: 'The token or password is unknown to the server, or the user is inactive.',
    fixes: ['Create or fetch a valid token for an active user and send it again.'],
    source: DRF,
  },
  {
    id: 'drf.permission_denied',
    vendor: 'Django REST framework',
    group: 'django',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likely,
    body: /You\s+do\s+not\s+have\s+permission\s+to\s+perform\s+this\s+action/i,
    title: 'DRF permission check refused the user',
    summary:
      'The user is authenticated but a permission class (IsAdminUser, DjangoModelPermissions, object permissions…) denied the action.',
    fixes: ["Check the view's permission_classes and the user's groups, flags or object ownership."],
    source: DRF_EXC,
  },
  {
    id: 'drf.throttled',
    vendor: 'Django REST framework',
    group: 'django',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Request\s+was\s+throttled/i,
    title: 'DRF throttled the request',
    summary:
      'A throttle class (AnonRateThrottle, UserRateThrottle, ScopedRateThrottle) counted too many ' +
      'requests; the message gives the wait in seconds.',
    fixes: ['Wait the seconds in the message (also in Retry-After), then slow down.'],
    source: 'https://www.django-rest-framework.org/api-guide/throttling/',
  },
  {
    id: 'fastapi.not_authenticated',
    vendor: 'FastAPI',
    group: 'fastapi',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    body: /^\s*\{\s*"detail"\s*:\s*"Not\s+authenticated"\s*\}/i,
    title: 'FastAPI wants credentials ("Not authenticated")',
    summary:
      'A FastAPI security dependency (OAuth2PasswordBearer, HTTPBearer, APIKeyHeader) found no credential in the request.',
    fixes: ['Send "Authorization: Bearer <token>" (or the API key header the dependency names).'],
    source: 'https://fastapi.tiangolo.com/tutorial/security/first-steps/',
  },
  {
    id: 'fastapi.could_not_validate',
    vendor: 'FastAPI',
    group: 'fastapi',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus15,
    body: /^\s*\{\s*"detail"\s*:\s*"Could\s+not\s+validate\s+credentials"/i,
    title: 'FastAPI rejected the token ("Could not validate credentials")',
    summary:
      'The documented get_current_user dependency failed to decode or verify the JWT (bad signature, expired, or unknown user).',
    fixes: ["Decode the token: check exp, and that it was signed with the server's SECRET_KEY and algorithm."],
    source: 'https://fastapi.tiangolo.com/tutorial/security/oauth2-jwt/',
  },
  {
    // fastapi/security/http.py (0.92, unchanged since): HTTPBearer and HTTPDigest raise 403 with these words when the
    // Authorization header names another scheme; HTTPBasic raises 401 with them when the value is not base64 of
    // "user:password". Every path to them is the header's form, never a credential checked and refused.
    id: 'fastapi.invalid_scheme',
    vendor: 'FastAPI',
    group: 'fastapi',
    cause: 'auth.malformed',
    confidence: CONFIDENCE.possiblePlus20,
    status: [401, 403],
    requires: 'authorization',
    body: /^\s*\{\s*"detail"\s*:\s*"Invalid\s+authentication\s+credentials"\s*\}\s*$/i,
    title: 'FastAPI could not read the Authorization header ("Invalid authentication credentials")',
    summary:
      'FastAPI\'s HTTPBearer (and HTTPDigest) answers 403 "Invalid authentication credentials" when the Authorization ' +
      'header carries another scheme (a token sent as "Token …" or "JWT …"); HTTPBasic answers 401 with it when the ' +
      "value is not base64 of user:password. The header's form was refused before any credential was checked.",
    fixes: [
      'Send the scheme the dependency reads: "Authorization: Bearer <token>" for HTTPBearer; for Basic, base64 of "user:password".',
    ],
    source: 'https://github.com/tiangolo/fastapi/blob/0.92.0/fastapi/security/http.py',
  },
  {
    id: 'flask_wtf.csrf',
    vendor: 'Flask-WTF',
    group: 'flask',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [400, 403],
    flags: true,
    body: /The\s+CSRF\s+(?:token\s+is\s+missing|token\s+has\s+expired|tokens\s+do\s+not\s+match|session\s+token\s+is\s+missing|token\s+is\s+invalid)/i,
    title: 'Flask-WTF rejected the CSRF token',
    summary:
      'CSRFProtect answers 400 Bad Request with "The CSRF token is missing / has expired / tokens ' +
      'do not match": the status hides a CSRF failure.',
    fixes: [
      'Send the csrf_token() value in the X-CSRFToken header or the csrf_token form field; reload ' +
        'the page if it expired (WTF_CSRF_TIME_LIMIT).',
    ],
    source: 'https://flask-wtf.readthedocs.io/en/latest/csrf/',
  },
  {
    // Pyramid's HTTPForbidden explains itself as "Access was denied to this resource." (pyramid/httpexceptions.py); a
    // view whose permission the security policy refused raises it with "Unauthorized: <view> failed permission
    // check" (pyramid/viewderivers.py). Pyramid's default forbidden view answers that with this 403 page whether or
    // not anyone signed in, until the app registers a forbidden view that challenges (docs: "Changing the Forbidden
    // View", https://docs.pylonsproject.org/projects/pyramid/en/2.0-branch/narr/hooks.html). So to a caller that sent
    // no credential at all the refused permission is a missing login; to one that sent some, a permission.
    id: 'pyramid.forbidden_anonymous',
    vendor: 'Pyramid',
    group: 'pyramid',
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus10,
    status: [403],
    requires: 'no-credentials',
    body: /Access was denied to this resource\./i,
    title: 'Pyramid refused a permission to a caller who is not signed in',
    summary:
      "Pyramid's forbidden page: the view needs a permission the security policy grants only to authenticated " +
      'principals, and the request carried no credential (no Authorization header, API key or cookie). Pyramid ' +
      'answers 403, not a 401 challenge, unless the app registers its own forbidden view.',
    fixes: ['Sign in first (send the session cookie or the credential the security policy reads), then retry.'],
    source: 'https://docs.pylonsproject.org/projects/pyramid/en/2.0-branch/narr/security.html',
  },
  {
    id: 'pyramid.forbidden',
    vendor: 'Pyramid',
    group: 'pyramid',
    cause: 'permission.denied',
    confidence: CONFIDENCE.possiblePlus10,
    status: [403],
    requires: 'credentials',
    body: /Access was denied to this resource\./i,
    title: "Pyramid's security policy refused this identity the view's permission",
    summary:
      "Pyramid's forbidden page to a caller that sent credentials: the security policy's permits() (its ACL) does " +
      'not grant this principal the permission the view names.',
    fixes: [
      "Grant the user (or a group it belongs to) the view's permission in the ACL, or call with an account that has it.",
    ],
    source: 'https://docs.pylonsproject.org/projects/pyramid/en/2.0-branch/narr/security.html',
  },
];
