import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Express middleware (csurf, express-rate-limit, express-jwt / jsonwebtoken), NestJS, and
// Rails (+ Devise, Rack::Attack). Rails answers CSRF failures with 422, which flags.
const CSURF = 'https://github.com/expressjs/csurf#custom-error-handling';
const RATE = 'https://express-rate-limit.mintlify.app/reference/configuration#message';
const EXPRESS_JWT = 'https://github.com/auth0/express-jwt#error-handling';
const JSONWEBTOKEN = 'https://github.com/auth0/node-jsonwebtoken#errors--codes';
const RAILS_CSRF = 'https://api.rubyonrails.org/classes/ActionController/RequestForgeryProtection.html';
const DEVISE = 'https://github.com/heartcombo/devise/blob/main/config/locales/en.yml';

export const NODE_RUBY_FRAMEWORKS: readonly Signature[] = [
  {
    id: 'express.csurf',
    vendor: 'Express (csurf)',
    group: 'express',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    body: /\bEBADCSRFTOKEN\b|\binvalid csrf token\b/,
    title: 'The CSRF token is missing or invalid (csurf)',
    summary:
      'csurf (or csrf-csrf) raised EBADCSRFTOKEN "invalid csrf token": the request had no token ' +
      'in the body, query or CSRF-Token / X-CSRF-Token / X-XSRF-Token header, or it does not match ' +
      'the secret cookie or session.',
    fixes: [
      'Read the token from req.csrfToken() (rendered into the page) and send it as X-CSRF-Token; ' +
        'make sure the _csrf cookie or session cookie is sent.',
    ],
    source: CSURF,
  },
  {
    id: 'express.rate_limit',
    vendor: 'express-rate-limit',
    group: 'express',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    body: /Too\s+many\s+requests,\s+please\s+try\s+again\s+later/i,
    title: 'express-rate-limit throttled the requests',
    summary: "express-rate-limit's default message: this client (usually keyed by IP) exceeded the window's limit.",
    fixes: [
      'Wait for RateLimit-Reset / Retry-After. Behind a proxy, set app.set("trust proxy", …) so clients are not all counted as one IP.',
    ],
    source: RATE,
  },
  {
    id: 'express_jwt.no_token',
    vendor: 'express-jwt',
    group: 'express',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likelyPlus5,
    body: /No\s+authorization\s+token\s+was\s+found|\bcredentials_required\b/i,
    title: 'No token in the request (express-jwt)',
    summary:
      'express-jwt raised credentials_required: no "Authorization: Bearer" header (or the configured getToken found nothing).',
    fixes: ['Send "Authorization: Bearer <jwt>".'],
    source: EXPRESS_JWT,
  },
  {
    id: 'jsonwebtoken.expired',
    vendor: 'jsonwebtoken',
    group: 'express',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.likelyPlus5,
    body: /\bjwt\s+expired\b|\bTokenExpiredError\b/i,
    title: 'The JWT has expired (jsonwebtoken: "jwt expired")',
    summary: "jsonwebtoken's verify() threw TokenExpiredError: the token's exp is past (the error carries expiredAt).",
    fixes: ["Refresh the token and retry; if it is fresh, compare the server clock with the issuer's."],
    source: JSONWEBTOKEN,
  },
  {
    id: 'jsonwebtoken.not_before',
    vendor: 'jsonwebtoken',
    group: 'express',
    cause: 'auth.token_not_yet_valid',
    confidence: CONFIDENCE.likelyPlus5,
    body: /\bjwt\s+not\s+active\b|\bNotBeforeError\b/i,
    title: 'The JWT is not valid yet (jsonwebtoken: "jwt not active")',
    summary: "jsonwebtoken threw NotBeforeError: the token's nbf is in the future for the server's clock.",
    fixes: ['Sync server and issuer clocks, or allow clockTolerance in verify().'],
    source: JSONWEBTOKEN,
  },
  {
    id: 'jsonwebtoken.malformed',
    vendor: 'jsonwebtoken',
    group: 'express',
    cause: 'auth.malformed',
    confidence: CONFIDENCE.likely,
    body: /\bjwt\s+malformed\b|\bjwt\s+must\s+be\s+provided\b|\binvalid\s+token\b[\s\S]{0,40}?JsonWebTokenError/i,
    title: 'The JWT could not be parsed (jsonwebtoken: "jwt malformed")',
    summary:
      'The value in the Authorization header is not a JWT (three base64url parts): often "Bearer ' +
      'undefined", a quoted token, or the scheme sent twice.',
    fixes: ['Log what the client sends after "Bearer " and make sure it is the raw token.'],
    source: JSONWEBTOKEN,
  },
  {
    id: 'jsonwebtoken.invalid',
    vendor: 'jsonwebtoken',
    group: 'express',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus20,
    body: /\binvalid signature\b|\bjwt (?:audience|issuer|subject|id) invalid\b|\binvalid algorithm\b/,
    title: 'The JWT was rejected (jsonwebtoken)',
    summary: 'jsonwebtoken verified the token and the signature, algorithm, audience or issuer does not match.',
    fixes: [
      "Check the token was signed with the key the server verifies with, and its aud/iss match the server's options.",
    ],
    source: JSONWEBTOKEN,
  },
  {
    id: 'nest.throttler',
    vendor: 'NestJS',
    group: 'nest',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likelyPlus5,
    body: /ThrottlerException/i,
    title: 'NestJS throttler limited the requests',
    summary: "@nestjs/throttler's ThrottlerGuard counted too many requests for this client.",
    fixes: ['Wait for Retry-After, or adjust the @Throttle limits.'],
    source: 'https://docs.nestjs.com/security/rate-limiting',
  },
  {
    id: 'nest.forbidden_resource',
    vendor: 'NestJS',
    group: 'nest',
    cause: 'permission.denied',
    confidence: CONFIDENCE.possible,
    status: [403],
    body: /"message"\s*:\s*"Forbidden\s+resource"/i,
    title: 'A NestJS guard refused the request ("Forbidden resource")',
    summary:
      'A guard\'s canActivate() returned false (roles guard, policies guard…); Nest turns that into 403 "Forbidden resource".',
    fixes: ['Check the guards on this handler and the roles or claims they read from the user.'],
    source: 'https://docs.nestjs.com/guards',
  },
  {
    // routing-controllers' @Authorized(roles): when the app's authorizationChecker returns false the Express driver
    // throws AccessDeniedError (403, "Access is denied for request on <METHOD> <url>") for a route that names roles,
    // and AuthorizationRequiredError (401) for one that names none (src/driver/express/ExpressDriver.ts,
    // src/error/AccessDeniedError.ts); its default error handler sends {"name","message"}. A checker that finds no
    // user returns false as well, so the same 403 answers a caller who sent nothing (read then as auth.missing).
    id: 'routing-controllers.access_denied',
    vendor: 'routing-controllers',
    group: 'routing-controllers',
    cause: 'permission.denied',
    confidence: CONFIDENCE.possible,
    status: [403],
    body: /"name"\s*:\s*"AccessDeniedError"\s*,\s*"message"\s*:\s*"Access is denied for request on /,
    title: "routing-controllers' authorization checker refused the request (AccessDeniedError)",
    summary:
      'The route is guarded by @Authorized(roles) and the authorizationChecker returned false: the caller lacks ' +
      'one of the roles, or the checker found no user at all.',
    fixes: ['Call it as a user holding one of the roles the route names, with the credential the checker reads.'],
    source: 'https://github.com/typestack/routing-controllers#using-authorization-features',
  },
  {
    // Feathers' authenticate hook throws NotAuthenticated('Not authenticated') only when no strategy parsed a
    // credential from the request (@feathersjs/authentication 5, hooks/authenticate.ts: `else if (provider)`); a
    // credential that was read and refused gets the strategy's own words ("Invalid login", "jwt expired"…). With an
    // Authorization header on the request, the JWT strategy's parse() returned null: the header names a scheme
    // outside its `schemes` (Bearer, JWT by default; jwt.ts), so the credential was never looked at.
    id: 'feathers.not_authenticated_unread',
    vendor: 'Feathers',
    group: 'feathers',
    cause: 'auth.malformed',
    confidence: CONFIDENCE.possiblePlus20,
    status: [401],
    requires: 'authorization',
    body: /"name"\s*:\s*"NotAuthenticated"\s*,\s*"message"\s*:\s*"Not authenticated"/,
    title: 'Feathers did not read the Authorization header ("Not authenticated")',
    summary:
      'Feathers\' authenticate hook answers "Not authenticated" only when no authentication strategy parsed a ' +
      'credential from the request; its JWT strategy reads only the schemes it is configured with (Bearer and JWT ' +
      'by default), so a header in another scheme is ignored as if none had been sent.',
    fixes: [
      'Send the access token as "Authorization: Bearer <accessToken>" (the token POST /authentication returned).',
    ],
    source: 'https://github.com/feathersjs/feathers/blob/dove/packages/authentication/src/hooks/authenticate.ts',
  },
  {
    id: 'rails.csrf',
    vendor: 'Ruby on Rails',
    group: 'rails',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [422, 403, 401],
    flags: true,
    body: /Can't\s+verify\s+CSRF\s+token\s+authenticity|ActionController::InvalidAuthenticityToken/i,
    title: 'Rails rejected the authenticity (CSRF) token',
    summary:
      'protect_from_forgery raised InvalidAuthenticityToken (answered 422 by default): the X-CSRF-Token ' +
      'is missing or does not match the session, or the Origin does not match the host behind a ' +
      'proxy.',
    fixes: [
      'Send the csrf-token meta tag value as X-CSRF-Token (rails-ujs / Turbo do it) and send the session cookie.',
      'Behind a TLS-terminating proxy, forward X-Forwarded-Proto so the origin check matches.',
    ],
    source: RAILS_CSRF,
  },
  {
    // Rails' generated public/422.html, served in production for whatever maps to 422 with no
    // handler of the app's own: InvalidAuthenticityToken and InvalidCrossOriginRequest above all, and
    // an unrescued RecordInvalid/RecordNotSaved (ActionDispatch::ExceptionWrapper.rescue_responses).
    id: 'rails.public_422',
    vendor: 'Ruby on Rails',
    group: 'rails',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.possiblePlus5,
    status: [422],
    flags: true,
    body: /The\s+change\s+you\s+wanted\s+was\s+rejected/i,
    title: 'Rails\' "The change you wanted was rejected" page (422): most often a CSRF token failure',
    summary:
      'Rails answers a failed authenticity-token check (protect_from_forgery) with its static 422 page in ' +
      'production; the same page also covers an unhandled validation failure (RecordInvalid), which the ' +
      'server log tells apart.',
    fixes: [
      'Send the csrf-token meta tag value as X-CSRF-Token (rails-ujs / Turbo do it) with the session cookie, from a page of the current session.',
      'Behind a TLS-terminating proxy, forward X-Forwarded-Proto so the origin check matches.',
      'If the log shows ActiveRecord::RecordInvalid instead, fix the submitted data.',
    ],
    source:
      'https://github.com/rails/rails/blob/main/railties/lib/rails/generators/rails/app/templates/public/422.html',
  },
  {
    id: 'rails.http_auth',
    vendor: 'Ruby on Rails',
    group: 'rails',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.possiblePlus15,
    body: /HTTP\s+(?:Basic|Token|Digest):\s+Access\s+denied/i,
    requires: 'authorization',
    title: 'Rails HTTP authentication rejected the credentials',
    summary: 'authenticate_or_request_with_http_basic/token answered "Access denied." to the credentials sent.',
    fixes: ['Check the user/password or token the controller compares against.'],
    source: 'https://api.rubyonrails.org/classes/ActionController/HttpAuthentication.html',
  },
  {
    id: 'rails.http_auth.missing',
    vendor: 'Ruby on Rails',
    group: 'rails',
    cause: 'auth.missing',
    confidence: CONFIDENCE.possiblePlus20,
    body: /HTTP\s+(?:Basic|Token|Digest):\s+Access\s+denied/i,
    title: 'Rails HTTP authentication wants credentials',
    summary: 'authenticate_or_request_with_http_basic/token found no Authorization header.',
    fixes: ['Send the Authorization header the controller expects (Basic or Token).'],
    source: 'https://api.rubyonrails.org/classes/ActionController/HttpAuthentication.html',
  },
  {
    id: 'devise.session_expired',
    vendor: 'Devise',
    group: 'rails',
    cause: 'auth.token_expired',
    confidence: CONFIDENCE.possiblePlus15,
    body: /Your\s+session\s+expired\.?\s+Please\s+sign\s+in\s+again/i,
    title: 'The Devise session has timed out',
    summary: "Devise's :timeoutable ended the session after inactivity.",
    fixes: ['Sign in again; raise timeout_in if sessions should last longer.'],
    source: DEVISE,
  },
  {
    id: 'devise.unauthenticated',
    vendor: 'Devise',
    group: 'rails',
    cause: 'auth.missing',
    confidence: CONFIDENCE.likely,
    body: /You\s+need\s+to\s+sign\s+in\s+or\s+sign\s+up\s+before\s+continuing/i,
    title: 'Devise wants a signed-in user',
    summary: 'authenticate_user! found no session (the session cookie was not sent or has expired).',
    fixes: ['Sign in, and send the session cookie (credentials: "include" for cross-origin calls).'],
    source: DEVISE,
  },
  {
    id: 'devise.invalid',
    vendor: 'Devise',
    group: 'rails',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    body: /Invalid\s+(?:Email|login|username)\s+or\s+password/i,
    title: 'Devise rejected the login',
    summary: 'The email/login or password is wrong (Devise uses one message for both).',
    fixes: ['Check the credentials; the account may also be locked or unconfirmed.'],
    source: DEVISE,
  },
  {
    id: 'rails.not_authorized',
    vendor: 'Pundit / CanCanCan',
    group: 'rails',
    cause: 'permission.denied',
    confidence: CONFIDENCE.possiblePlus20,
    body: /You\s+are\s+not\s+authorized\s+to\s+(?:perform\s+this\s+action|access\s+this\s+page)/i,
    title: 'An authorization policy denied the action (Pundit / CanCanCan)',
    summary: 'The user is signed in but the policy (Pundit) or ability (CanCanCan) for this action returned false.',
    fixes: ['Check the policy or ability rules for this model and action.'],
    source: 'https://github.com/varvet/pundit#rescuing-a-denied-authorization-in-rails',
  },
  {
    id: 'rack_attack.throttled',
    vendor: 'Rack::Attack',
    group: 'rails',
    cause: 'rate_limit.exceeded',
    confidence: CONFIDENCE.likely,
    status: [429, 503],
    body: /^\s*Retry\s+later\s*$/i,
    title: 'Rack::Attack throttled the requests ("Retry later")',
    summary: 'A Rack::Attack throttle rule counted too many requests from this client.',
    fixes: ['Slow down and retry later; check the throttle rules in config/initializers/rack_attack.rb.'],
    source: 'https://github.com/rack/rack-attack#throttling',
  },
];
