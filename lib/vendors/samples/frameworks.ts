import { BEARER, type SampleTable } from './types';

// Documented default error bodies: Django REST framework (https://www.django-rest-framework.org/api-guide/exceptions/),
// SimpleJWT, FastAPI security, Flask-WTF, Spring Security / Spring Boot, Laravel, Symfony / LexikJWT, Express
// (csurf, express-rate-limit, express-jwt, jsonwebtoken), NestJS, Rails, Devise, Rack::Attack.
const COOKIE = { Cookie: 'sessionid=abc123; csrftoken=def456' };
const json = (o: unknown) => JSON.stringify(o);

export const FRAMEWORK_SAMPLES: SampleTable = {
  'drf.csrf_failed': { status: 403, request: COOKIE, body: json({ detail: 'CSRF Failed: CSRF token missing.' }) },
  'django.csrf_failed': {
    status: 403,
    request: COOKIE,
    body: '<html><body><h1>Forbidden <span>(403)</span></h1><p>CSRF verification failed. Request aborted.</p></body></html>',
  },
  'simplejwt.token_expired': {
    status: 401,
    request: BEARER,
    body: json({
      detail: 'Given token not valid for any token type',
      code: 'token_not_valid',
      messages: [{ token_class: 'AccessToken', token_type: 'access', message: 'Token is expired' }],
    }),
  },
  'simplejwt.token_not_valid': {
    status: 401,
    request: BEARER,
    body: json({ detail: 'Given token not valid for any token type', code: 'token_not_valid' }),
  },
  'drf.auth_header_malformed': {
    status: 401,
    request: { Authorization: 'Token a b' },
    body: json({ detail: 'Invalid token header. Token string should not contain spaces.' }),
  },
  'drf.not_provided': { status: 403, body: json({ detail: 'Authentication credentials were not provided.' }) },
  'drf.invalid_token': {
    status: 401,
    request: { Authorization: 'Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b' },
    body: json({ detail: 'Invalid token.' }),
  },
  'drf.permission_denied': {
    status: 403,
    request: COOKIE,
    body: json({ detail: 'You do not have permission to perform this action.' }),
  },
  'drf.throttled': { status: 429, body: json({ detail: 'Request was throttled. Expected available in 56 seconds.' }) },
  'fastapi.not_authenticated': { status: 401, body: json({ detail: 'Not authenticated' }) },
  'fastapi.invalid_scheme': {
    status: 403,
    request: { Authorization: 'Token 9f8c2e1a7b6d5c4e3f2a1b0c9d8e7f6a' },
    body: json({ detail: 'Invalid authentication credentials' }),
  },
  'fastapi.could_not_validate': {
    status: 401,
    request: BEARER,
    body: json({ detail: 'Could not validate credentials' }),
  },
  'flask_wtf.csrf': {
    status: 400,
    request: COOKIE,
    body: '<!doctype html><title>400 Bad Request</title><h1>Bad Request</h1><p>The CSRF token is missing.</p>',
  },
  'spring.csrf': {
    status: 403,
    request: { Cookie: 'JSESSIONID=ABC' },
    body: "Invalid CSRF Token 'null' was found on the request parameter '_csrf' or header 'X-CSRF-TOKEN'.",
  },
  'spring.full_authentication': {
    status: 401,
    body: json({
      timestamp: '2026-11-21T12:00:00.000+00:00',
      status: 401,
      error: 'Unauthorized',
      message: 'Full authentication is required to access this resource',
      path: '/api',
    }),
  },
  'spring.error_unauthorized.missing': {
    status: 401,
    body: json({ timestamp: '2026-11-21T12:00:00.000+00:00', status: 401, error: 'Unauthorized', path: '/api/orders' }),
  },
  'spring.error_unauthorized': {
    status: 401,
    request: BEARER,
    body: json({ timestamp: '2026-11-21T12:00:00.000+00:00', status: 401, error: 'Unauthorized', path: '/api/orders' }),
  },
  'spring.error_forbidden': {
    status: 403,
    request: BEARER,
    body: json({ timestamp: '2026-11-21T12:00:00.000+00:00', status: 403, error: 'Forbidden', path: '/api/orders' }),
  },
  'laravel.csrf': {
    status: 419,
    request: { Cookie: 'laravel_session=abc' },
    body: json({ message: 'CSRF token mismatch.' }),
  },
  'laravel.page_expired': {
    status: 419,
    request: { Cookie: 'laravel_session=abc' },
    body: '<!DOCTYPE html><html><head><title>Page Expired</title></head><body><div class="message">Page Expired</div></body></html>',
  },
  'laravel.unauthenticated.missing': { status: 401, body: json({ message: 'Unauthenticated.' }) },
  'laravel.unauthenticated': { status: 401, request: BEARER, body: json({ message: 'Unauthenticated.' }) },
  'laravel.unauthorized_action': {
    status: 403,
    request: BEARER,
    body: json({ message: 'This action is unauthorized.' }),
  },
  'laravel.too_many_attempts': { status: 429, body: json({ message: 'Too Many Attempts.' }) },
  'laravel.invalid_signature': {
    status: 403,
    url: 'https://app.example.com/unsubscribe/1?signature=abc',
    body:
      '<!DOCTYPE html><html><head><title>Invalid signature.</title></head><body><div>403</div><div>Invalid ' +
      'signature.</div></body></html>',
  },
  'symfony.csrf': { status: 403, request: { Cookie: 'PHPSESSID=abc' }, body: json({ error: 'Invalid CSRF token.' }) },
  'lexik.expired': { status: 401, request: BEARER, body: json({ code: 401, message: 'Expired JWT Token' }) },
  'lexik.not_found': { status: 401, body: json({ code: 401, message: 'JWT Token not found' }) },
  'lexik.invalid': { status: 401, request: BEARER, body: json({ code: 401, message: 'Invalid JWT Token' }) },
  'express.csurf': { status: 403, request: { Cookie: '_csrf=abc' }, body: 'ForbiddenError: invalid csrf token' },
  'express.rate_limit': { status: 429, body: 'Too many requests, please try again later.' },
  'express_jwt.no_token': { status: 401, body: 'UnauthorizedError: No authorization token was found' },
  'jsonwebtoken.expired': {
    status: 401,
    request: BEARER,
    body: json({ name: 'TokenExpiredError', message: 'jwt expired' }),
  },
  'jsonwebtoken.not_before': {
    status: 401,
    request: BEARER,
    body: json({ name: 'NotBeforeError', message: 'jwt not active' }),
  },
  'jsonwebtoken.malformed': {
    status: 401,
    request: BEARER,
    body: json({ name: 'JsonWebTokenError', message: 'jwt malformed' }),
  },
  'jsonwebtoken.invalid': {
    status: 401,
    request: BEARER,
    body: json({ name: 'JsonWebTokenError', message: 'invalid signature' }),
  },
  'nest.throttler': { status: 429, body: json({ statusCode: 429, message: 'ThrottlerException: Too Many Requests' }) },
  // Feathers' errorHandler() body for the authenticate hook's NotAuthenticated, to Basic credentials its JWT strategy does not read
  'feathers.not_authenticated_unread': {
    status: 401,
    request: { Authorization: 'Basic bWVtYmVyQGxhYi5leGFtcGxlOm1lbWJlci1wYXNz' },
    body: json({ name: 'NotAuthenticated', message: 'Not authenticated', code: 401, className: 'not-authenticated' }),
  },
  'nest.forbidden_resource': {
    status: 403,
    request: BEARER,
    body: json({ message: 'Forbidden resource', error: 'Forbidden', statusCode: 403 }),
  },
  // routing-controllers' default error handler (BaseDriver.processJsonError), as test/fixtures/lab/routing-controllers
  // recorded it (without the development-mode stack).
  'routing-controllers.access_denied': {
    status: 403,
    request: BEARER,
    body: json({ name: 'AccessDeniedError', message: 'Access is denied for request on DELETE /api/users/7' }),
  },
  'rails.csrf': {
    status: 422,
    request: { Cookie: '_app_session=abc' },
    body: "<h1>ActionController::InvalidAuthenticityToken</h1><p>Can't verify CSRF token authenticity.</p>",
  },
  'rails.public_422': {
    status: 422,
    request: { Cookie: '_app_session=abc' },
    body:
      '<!DOCTYPE html><html><head><title>The change you wanted was rejected (422)</title></head><body>' +
      '<div class="dialog"><div><h1>The change you wanted was rejected.</h1>' +
      "<p>Maybe you tried to change something you didn't have access to.</p></div>" +
      '<p>If you are the application owner check the logs for more information.</p></div></body></html>',
  },
  'rails.http_auth': {
    status: 401,
    request: { Authorization: 'Basic dXNlcjpwYXNz' },
    headers: { 'www-authenticate': 'Basic realm="Application"' },
    body: 'HTTP Basic: Access denied.\n',
  },
  'rails.http_auth.missing': {
    status: 401,
    headers: { 'www-authenticate': 'Basic realm="Application"' },
    body: 'HTTP Basic: Access denied.\n',
  },
  'devise.session_expired': {
    status: 401,
    request: { Cookie: '_app_session=abc' },
    body: json({ error: 'Your session expired. Please sign in again to continue.' }),
  },
  'devise.unauthenticated': { status: 401, body: json({ error: 'You need to sign in or sign up before continuing.' }) },
  'devise.invalid': { status: 401, body: json({ error: 'Invalid Email or password.' }) },
  'rails.not_authorized': {
    status: 403,
    request: { Cookie: '_app_session=abc' },
    body: json({ error: 'You are not authorized to perform this action.' }),
  },
  'rack_attack.throttled': { status: 429, body: 'Retry later\n' },
  // Echo's HTTPError body for the CSRF middleware's missing-header case (labstack/echo middleware/csrf.go).
  'echo.csrf_missing': {
    status: 400,
    request: { Cookie: '_csrf=h3NgnQ0yK8v2Jf7d5sWm1aXbR4tLpE6c' },
    body: '{"message":"missing csrf token in request header"}',
  },
  // Ory Kratos' herodot error for ErrInvalidCSRFToken (x/nosurf.go), as a browser flow's JSON answer.
  'ory.kratos.csrf': {
    status: 403,
    url: 'https://auth.example.com/self-service/login?flow=3f1c2b3a',
    body:
      '{"error":{"id":"security_csrf_violation","code":403,"status":"Forbidden","reason":"Please retry the flow and ' +
      'optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) ' +
      'which could cause account takeover, leaking personal information, and other serious security issues.",' +
      '"message":"the request was rejected to protect you from Cross-Site-Request-Forgery"}}',
  },
  // Nextcloud's SecurityMiddleware answer to a JSON request whose CSRF check failed (CrossSiteRequestForgeryException).
  'nextcloud.csrf': {
    status: 412,
    url: 'https://cloud.example.com/ocs/v2.php/apps/files_sharing/api/v1/shares',
    request: { Cookie: 'nc_session_id=3f1c2b3a5d6e7f80; nc_token=abc' },
    body: '{"message":"CSRF check failed"}',
  },
  // Pyramid's default forbidden view (pyramid/httpexceptions.py HTTPForbidden, the detail from viewderivers.py), as
  // waitress served it in test/fixtures/lab/pyramid/acl-anonymous.har; with Basic credentials, the same explanation.
  'pyramid.forbidden_anonymous': {
    status: 403,
    headers: { server: 'waitress' },
    body:
      '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  Access was ' +
      'denied to this resource.<br/><br/>\nUnauthorized: pages_edit failed permission check\n\n\n </body>\n</html>',
  },
  'pyramid.forbidden': {
    status: 403,
    headers: { server: 'waitress' },
    request: { Authorization: 'Basic bGFiOmxhYnBhc3M=' },
    body: '<html>\n <head>\n  <title>403 Forbidden</title>\n </head>\n <body>\n  <h1>403 Forbidden</h1>\n  Access was denied to this resource.<br/><br/>\n\n\n\n </body>\n</html>',
  },
  // Tomcat 10.1's error report for RemoteAddrFilter's sendError(403), no Message line
  // (test/fixtures/lab/tomcat/remote-addr-denied.har, the style block left out).
  'tomcat.address_filter': {
    status: 403,
    body:
      '<!doctype html><html lang="en"><head><title>HTTP Status 403 – Forbidden</title></head><body><h1>HTTP Status ' +
      '403 – Forbidden</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Description</b> The server ' +
      'understood the request but refuses to authorize it.</p><hr class="line" /><h3>Apache Tomcat/10.1.60 (Debian)' +
      '</h3></body></html>',
  },
};
