import { anyOf } from '../core/any-of';
import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Spring (Boot error JSON, Spring Security), Laravel and Symfony (+ LexikJWT) messages.
const SPRING_CSRF = 'https://docs.spring.io/spring-security/reference/servlet/exploits/csrf.html';
const SPRING_ERR =
  'https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling';
const LARAVEL_CSRF = 'https://laravel.com/docs/csrf';
const LARAVEL_AUTH = 'https://laravel.com/docs/authentication';
const LEXIK = 'https://github.com/lexik/LexikJWTAuthenticationBundle/blob/3.x/Resources/doc/2-data-customization.rst';
// Spring Boot's default error body: {"timestamp":…,"status":403,"error":"Forbidden","path":…}
const SPRING_BODY = /"timestamp"\s*:[\s\S]{0,200}?"path"\s*:/;
const CSRF_SPRING_FIX = [
  'Send the token from the XSRF-TOKEN cookie (or the _csrf meta tag) in the X-XSRF-TOKEN / X-CSRF-TOKEN header on unsafe requests.',
  'If the session expired, the stored token is gone: reload to get a new one.',
];

export const JAVA_PHP_FRAMEWORKS: readonly Signature[] = [
  {
    id: 'spring.csrf',
    vendor: 'Spring Security',
    group: 'spring',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    body: anyOf(
      /Invalid\s+CSRF\s+Token\s+'[^']{0,200}'\s+was\s+found/,
      /Could\s+not\s+verify\s+the\s+provided\s+CSRF\s+token/,
      /An\s+expected\s+CSRF\s+token\s+cannot\s+be\s+found/,
      'i',
    ),
    title: 'Spring Security rejected the CSRF token',
    summary:
      'CsrfFilter found no token, or one that does not match the session\'s ("Invalid CSRF Token ' +
      '…" / "Could not verify the provided CSRF token because …").',
    fixes: CSRF_SPRING_FIX,
    source: SPRING_CSRF,
  },
  {
    id: 'spring.full_authentication',
    vendor: 'Spring Security',
    group: 'spring',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    body: /Full\s+authentication\s+is\s+required\s+to\s+access\s+this\s+resource/i,
    title: 'Spring Security (or Symfony) wants authentication',
    summary:
      '"Full authentication is required to access this resource": the request is anonymous (or ' +
      'remember-me only) and the resource needs a real login.',
    fixes: ['Send the credential the filter chain expects (Bearer token, session cookie), or log in again.'],
    source: 'https://docs.spring.io/spring-security/reference/servlet/authentication/architecture.html',
  },
  {
    id: 'spring.error_unauthorized.missing',
    vendor: 'Spring Boot',
    group: 'spring',
    cause: 'auth.missing',
    confidence: CONFIDENCE.possible,
    status: [401],
    body: [/"error"\s*:\s*"Unauthorized"/i, SPRING_BODY],
    requires: 'no-authorization',
    title: 'Spring Boot answered 401 and no credentials were sent',
    summary: "Spring Boot's default error body for 401: Spring Security's entry point found no authentication.",
    fixes: ['Send the credential the API expects (see WWW-Authenticate).'],
    source: SPRING_ERR,
  },
  {
    id: 'spring.error_unauthorized',
    vendor: 'Spring Boot',
    group: 'spring',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.weakPlus25,
    status: [401],
    body: [/"error"\s*:\s*"Unauthorized"/i, SPRING_BODY],
    title: 'Spring Boot rejected the credentials (401)',
    summary: "Spring Boot's default error body for 401 while credentials were sent: they were not accepted.",
    fixes: ['Check the token or password, and the WWW-Authenticate header for the reason.'],
    source: SPRING_ERR,
  },
  {
    id: 'spring.error_forbidden',
    vendor: 'Spring Boot',
    group: 'spring',
    cause: 'permission.denied',
    confidence: CONFIDENCE.weakPlus20,
    status: [403],
    body: [/"error"\s*:\s*"Forbidden"/i, SPRING_BODY],
    title: 'Spring refused the request (403, default error body)',
    summary:
      "Spring Boot's default error JSON for 403: usually an authorization rule (hasRole / @PreAuthorize) " +
      'denied the user; a CSRF failure on a POST gives the same body.',
    fixes: ['For a POST/PUT/DELETE, check CSRF first; otherwise check the roles or authorities the endpoint requires.'],
    source: SPRING_ERR,
  },
  {
    id: 'laravel.csrf',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [419, 403],
    body: /CSRF\s+token\s+mismatch/i,
    title: 'Laravel rejected the CSRF token ("CSRF token mismatch")',
    summary:
      'VerifyCsrfToken found no X-CSRF-TOKEN / X-XSRF-TOKEN / _token, or one that does not match ' +
      'the session (often because the session cookie was not sent or expired).',
    fixes: [
      'Send the XSRF-TOKEN cookie value as X-XSRF-TOKEN (axios does it automatically on same origin) ' +
        'and make sure the session cookie is sent.',
      'With Sanctum SPA auth, call /sanctum/csrf-cookie first and use credentials: "include".',
    ],
    source: LARAVEL_CSRF,
  },
  {
    id: 'laravel.page_expired',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    status: [419],
    body: /Page\s+Expired/i,
    title: 'Laravel "Page Expired" (419): CSRF token stale',
    summary:
      "Laravel's 419 page: the form's CSRF token does not match the session, typically because " +
      'the session expired while the page was open.',
    fixes: ['Reload the page to get a fresh token; check SESSION_DOMAIN / SameSite if it happens on every request.'],
    source: LARAVEL_CSRF,
  },
  {
    id: 'laravel.unauthenticated.missing',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    body: /"message"\s*:\s*"Unauthenticated\.?"/i,
    requires: 'no-credentials',
    title: 'Laravel wants authentication ("Unauthenticated.")',
    summary: 'The auth middleware found no session or token.',
    fixes: [
      'Send "Authorization: Bearer <token>" (Sanctum/Passport) or the session cookie with credentials: "include".',
    ],
    source: LARAVEL_AUTH,
  },
  {
    id: 'laravel.unauthenticated',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus10,
    body: /"message"\s*:\s*"Unauthenticated\.?"/i,
    title: 'Laravel did not accept the credentials ("Unauthenticated.")',
    summary:
      'Credentials were sent but the auth guard did not accept them: the token is unknown, revoked ' +
      'or expired, or the session cookie belongs to an expired session.',
    fixes: [
      "Log in again or issue a new token; check the route's guard (auth:sanctum vs auth:api) matches the credential.",
    ],
    source: LARAVEL_AUTH,
  },
  {
    id: 'laravel.unauthorized_action',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'permission.denied',
    confidence: CONFIDENCE.likelyPlus5,
    body: /This\s+action\s+is\s+unauthorized/i,
    title: 'A Laravel policy or gate denied the action',
    summary:
      '"This action is unauthorized.": the user is logged in but a Gate or Policy (authorize(), can middleware) returned false.',
    fixes: ["Check the policy method for this model and action and the user's role."],
    source: 'https://laravel.com/docs/authorization',
  },
  {
    id: 'laravel.too_many_attempts',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Too\s+Many\s+Attempts\.?/i,
    title: 'Laravel throttled the requests ("Too Many Attempts.")',
    summary: "The throttle middleware's limit for this user or IP is spent (see Retry-After and X-RateLimit-*).",
    fixes: ['Wait for Retry-After seconds; raise the limit in the RateLimiter definition if needed.'],
    source: 'https://laravel.com/docs/routing#rate-limiting',
  },
  {
    id: 'laravel.invalid_signature',
    vendor: 'Laravel',
    group: 'laravel',
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.possible,
    status: [403],
    body: /Invalid\s+signature\.?/i,
    title: 'Laravel rejected the signed URL ("Invalid signature.")',
    summary:
      "The signed URL's signature does not match (URL changed, or generated as http behind an https " +
      'proxy) or it has expired: Laravel uses one message for both.',
    fixes: ['Regenerate the URL; behind a proxy, configure TrustProxies so the scheme and host match what was signed.'],
    source: 'https://laravel.com/docs/urls#signed-urls',
  },
  {
    id: 'symfony.csrf',
    vendor: 'Symfony',
    group: 'symfony',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Invalid CSRF token\./,
    title: 'Symfony rejected the CSRF token',
    summary: "The form or login CSRF token is missing or does not match the session's.",
    fixes: ['Render the token with csrf_token() and send it back unchanged; make sure the session cookie is sent.'],
    source: 'https://symfony.com/doc/current/security/csrf.html',
  },
  {
    id: 'lexik.expired',
    vendor: 'Symfony LexikJWT',
    group: 'symfony',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.certain,
    body: /Expired\s+JWT\s+Token/i,
    title: 'The JWT has expired (LexikJWTAuthenticationBundle)',
    summary: 'The bundle verified the token and its exp is past.',
    fixes: ['Refresh the token (gesdinet refresh token or log in again) and retry.'],
    source: LEXIK,
  },
  {
    id: 'lexik.not_found',
    vendor: 'Symfony LexikJWT',
    group: 'symfony',
    cause: 'auth.missing',
    confidence: CONFIDENCE.certain,
    body: /JWT\s+Token\s+not\s+found/i,
    title: 'No JWT in the request (LexikJWTAuthenticationBundle)',
    summary: 'The token extractor found no token in the Authorization header (or the configured cookie/query).',
    fixes: ['Send "Authorization: Bearer <jwt>"; behind Apache, make sure the Authorization header is passed to PHP.'],
    source: LEXIK,
  },
  {
    id: 'lexik.invalid',
    vendor: 'Symfony LexikJWT',
    group: 'symfony',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Invalid\s+JWT\s+Token/i,
    title: 'The JWT was rejected (LexikJWTAuthenticationBundle)',
    summary: "The token's signature does not verify with the configured key, or it is malformed.",
    fixes: ['Check the token is signed with the keypair the API uses (JWT_PUBLIC_KEY / passphrase).'],
    source: LEXIK,
  },
  {
    // Tomcat's error report ("HTTP Status 403 – Forbidden", Type "Status Report") carries a Message line when the
    // refusing code gave one: a security constraint's "Access to the requested resource has been denied", the REST
    // CSRF filter's "CSRF nonce validation failed". Its address filters and valves (RemoteAddrValve/Filter,
    // RemoteHostValve, RemoteCIDRValve/Filter) answer sendError(denyStatus) with none
    // (org.apache.catalina.filters.RequestFilter#denyRequest; https://tomcat.apache.org/tomcat-10.1-doc/config/valve.html#Remote_Address_Valve,
    // config/filter.html#Remote_Address_Filter). Only the session-nonce CsrfPreventionFilter does the same, and it
    // guards pages a browser reached through the app's own links.
    id: 'tomcat.address_filter',
    vendor: 'Apache Tomcat',
    group: 'tomcat',
    cause: 'ip.blocked',
    confidence: CONFIDENCE.possible,
    status: [403],
    requires: 'no-token',
    body: [
      /HTTP Status 403 – Forbidden/,
      /<b>Type<\/b>\s*Status Report<\/p>\s*<p><b>Description<\/b>/i,
      /Apache Tomcat\//,
    ],
    title: "Tomcat refused the caller's address (its 403 report without a message)",
    summary:
      "Tomcat's own 403 report with no message: what a Remote Address/Host/CIDR valve or filter answers to a client " +
      'whose address is not on its allow list (or is on its deny list). The rule sits in server.xml, the context, or ' +
      "the webapp's web.xml; the response does not say which address it saw.",
    fixes: [
      'Read the RemoteAddrValve / RemoteAddrFilter (allow / deny) for this path, and the address Tomcat sees (behind a ' +
        'proxy, the proxy’s, unless RemoteIpValve is configured).',
    ],
    source: 'https://tomcat.apache.org/tomcat-10.1-doc/config/filter.html#Remote_Address_Filter',
  },
];
