import { anyOf } from '../../core/any-of';
import type { CodeRow } from './types';

/**
 * Sentences that refuse a caller whatever the HTTP status: a wrong password, no permission, a
 * request that must be signed with a stronger key. Many servers send them with 400, 404 or 422
 * (issue 17: LeanCloud's `400 "The username and password mismatch."`), so a 4xx that is not a
 * refusal status is flagged when its structured message says one of these.
 *
 * Stricter than the message rows (messages.ts), which explain an entry already flagged and may
 * read "invalid password" or "permission": a sign-up form's 400 says "Invalid password: at least 8
 * characters", and a validation error may name a field "permissions". Every pattern here names a
 * credential or a right AND says it was refused; a password rule, a confirmation that does not
 * match, or a malformed field does not.
 *
 * Wordings, as the servers document them:
 * - Django REST framework, obtain_auth_token: 400 "Unable to log in with provided credentials."
 *   https://www.django-rest-framework.org/api-guide/authentication/#tokenauthentication
 * - Laravel, lang/en/auth.php "failed": 422 "These credentials do not match our records."
 *   https://github.com/laravel/laravel/blob/11.x/lang/en/auth.php
 * - Parse Server: 404 {"code":101,"error":"Invalid username/password."}
 *   https://docs.parseplatform.org/rest/guide/#error-codes
 * - LeanCloud: 400 {"code":210,"error":"The username and password mismatch."} and
 *   {"code":1,"error":"The request must be signed by master key."}
 *   https://docs.leancloud.app/error_code.html
 * - Strapi v4 /api/auth/local: 400 ValidationError "Invalid identifier or password"
 *   https://docs.strapi.io/dev-docs/error-handling
 * - django-allauth headless: 400 "The email address and/or password you specified are not correct."
 *   https://docs.allauth.org/en/latest/headless/openapi-specification/
 * - dj-rest-auth LoginSerializer: 400 "E-mail is not verified."; Django AuthenticationForm: "This account
 *   is inactive." https://github.com/iMerica/dj-rest-auth/blob/master/dj_rest_auth/serializers.py
 */
export const CREDENTIAL_REFUSED = anyOf(
  // "username and password mismatch", "email address and/or password you specified are not correct"
  /\b(?:user\s?name|e-?mail(?:\s+address)?|login|identifier)\s*(?:and\s*\/\s*or|and|or|\/|&)\s*password\b[^.;]{0,40}?\b(?:mismatch|(?:do(?:es)?\s+not|don't)\s+match|(?:is|are)\s+(?:not\s+correct|incorrect|invalid|wrong))/,
  // "Invalid username/password.", "Invalid identifier or password", "Wrong email or password"
  /\b(?:invalid|incorrect|wrong|bad)\s+(?:user\s?name|e-?mail(?:\s+address)?|login|identifier)\s*(?:and\s*\/\s*or|and|or|\/|&)\s*password/,
  /\b(?:incorrect|wrong)\s+password\b|\bpassword\s+(?:is\s+|was\s+)?(?:incorrect|wrong)\b/,
  /\b(?:invalid|bad|wrong|incorrect)\s+(?:user\s+|login\s+)?credentials\b|\bcredentials\s+(?:do(?:es)?\s+not|don't)\s+match\b/,
  /\b(?:unable\s+to|could\s+not|cannot|can't)\s+(?:log\s?in|sign\s?in|authenticate)\s+with\s+(?:the\s+)?(?:provided|given|supplied)\s+credentials/,
  /\b(?:authentication|login|log\s?in|sign[\s-]?in)\s+(?:has\s+)?failed\b/,
  // OpenWhisk: 401 "The supplied authentication is invalid"; "The provided credentials are not valid".
  /\b(?:supplied|provided|given|presented)\s+(?:authentication|auth(?:orization)?|credentials?)\s+(?:is|are|was|were)\s+(?:invalid|not\s+valid|incorrect|wrong|rejected)\b/,
  'i',
);

/** A bearer or session credential named and refused ("Invalid access token", "session expired"). */
export const TOKEN_REFUSED = anyOf(
  /\binvalid\s+(?:access|bearer|auth(?:entication|orization)?|id|session)\s+token\b/,
  /\b(?:access|bearer|auth(?:entication|orization)?|id|session)\s+token\s+(?:is\s+|has\s+been\s+)?(?:invalid|not\s+valid|revoked|expired|has\s+expired)\b/,
  /\b(?:session|jwt|login)\s+(?:has\s+)?expired\b/,
  'i',
);

/** No credential where one is needed ("Authentication required", "You must be logged in"). */
export const NO_CREDENTIAL = anyOf(
  /\bauthentication\s+(?:is\s+)?required\b|\blogin\s+(?:is\s+)?required\b/,
  /\b(?:not|must\s+be)\s+(?:logged|signed)\s+in\b|\bnot\s+authenticated\b/,
  /\bauthentication\s+credentials\s+were\s+not\s+provided\b|\bmissing\s+credentials\b/,
  /\b(?:missing|no)\s+(?:access|bearer|auth(?:entication|orization)?|client|session)\s+token\b/,
  /\bauthori[sz]ation\s+header\s+(?:is\s+)?(?:missing|required)\b/,
  // A credential header named as required, quoted as Falcon's HTTPMissingHeader words it (400 "Missing header
  // value": 'The "X-API-Key" header is required.', https://falcon.readthedocs.io/en/3.1.1/api/errors.html).
  /\b(?:x-)?(?:api[\s_-]?key|authori[sz]ation)["']?\s+header\s+(?:is\s+)?(?:missing|required)\b/,
  'i',
);

/**
 * A token refused with both readings named ("Invalid or expired token", "Token is invalid or has expired", "expired or
 * invalid token"): the server does not say which, so the message states a refusal of the token, not its expiry;
 * only the token itself (a JWT's exp, read by the token-timing rules) can say it expired. FastAPI's and Flask's
 * tutorials raise it so, and many JWT middlewares answer every verification failure with it.
 */
export const INVALID_OR_EXPIRED = anyOf(
  /\b(?:invalid|bad|unknown|revoked)\s+or\s+(?:has\s+)?expired\b/,
  /\bexpired\s+or\s+(?:is\s+)?(?:invalid|revoked|not\s+valid|unknown)\b/,
  /\b(?:is\s+)?(?:not\s+valid|invalid)\s+or\s+(?:has\s+)?(?:been\s+)?expired\b/,
  'i',
);

/** A right the caller lacks ("Permission denied", "must be signed by master key"). */
export const RIGHT_REFUSED = anyOf(
  /\bpermission\s+denied\b|\baccess\s+(?:is\s+)?denied\b|\binsufficient\s+(?:privileges|permissions|rights)\b/,
  /\b(?:do|does)\s+not\s+have\s+(?:the\s+)?(?:required\s+|necessary\s+|sufficient\s+)?(?:permissions?|privileges|access\s+rights)\b/,
  /\bnot\s+(?:authori[sz]ed|permitted)\s+to\s+(?:access|perform|view|use|call|make|do|modify|update|delete|read|write|create|see)\b/,
  /\bmust\s+be\s+signed\s+(?:by|with)\s+(?:the\s+|a\s+)?(?:master|admin(?:istrator)?)\s+key\b/,
  /\brequires?\s+(?:the\s+|a\s+)?(?:master|admin(?:istrator)?)\s+(?:key|privileges?|rights|role)\b/,
  /\b(?:master|admin(?:istrator)?)\s+key\s+(?:is\s+)?required\b/,
  // The account's state bars it: dj-rest-auth's "E-mail is not verified.", Django's "This account is inactive."
  /\b(?:e-?mail(?:\s+address)?|account|user)\s+(?:is\s+|has\s+)?not\s+(?:been\s+|yet\s+)?(?:verified|confirmed|activated)\b/,
  /\baccount\s+(?:is|has\s+been)\s+(?:disabled|locked|suspended|deactivated|inactive|banned|blocked)\b/,
  'i',
);

/** A key named and refused ("Invalid API key", "API key not valid"). */
export const KEY_REFUSED =
  /\b(?:invalid|unknown|incorrect|bad)\s+(?:api|developer|dev|app(?:lication)?|subscription|access)[\s_-]?key\b|\b(?:api|subscription)[\s_-]?key\s+(?:is\s+|was\s+)?(?:invalid|not\s+valid|expired|revoked|disabled)\b/i;

/**
 * An account the server does not know, in the answer to a sign-in ("Cannot find user", "User not found", "No such
 * user", "Unknown email"). Said of a GET /users/5 it is an ordinary 404, so these words refuse only a sign-in that
 * carried its password in the body (inspect/sign-in.ts): json-server-auth's POST /login answers an unregistered
 * e-mail 400 "Cannot find user" (dist/users.js), and a login that names no known account is refused credentials
 * however the server words it.
 */
export const UNKNOWN_ACCOUNT =
  /\b(?:cannot|can't|could\s+not|unable\s+to)\s+find\s+(?:the\s+|this\s+|that\s+)?(?:user|account|e-?mail)\b|\b(?:user|account)\s+(?:was\s+)?not\s+found\b|\bno\s+such\s+(?:user|account)\b|\bunknown\s+(?:user(?:\s?name)?|account|e-?mail(?:\s+address)?)\b|\b(?:user|account)\s+does\s+not\s+exist\b/i;

/** The row such a sign-in's refusal is read with (the account, or its password, was not accepted). */
export const SIGN_IN_UNKNOWN_ACCOUNT = {
  codes: [],
  cause: 'auth.invalid',
  level: 'possible',
  refusal: true,
  means: 'the sign-in names an account the server does not know',
  fixes: ['Check the user name or e-mail (and that the account exists in this environment), then sign in again.'],
} as const satisfies CodeRow;

/**
 * An anti-CSRF check named and failed. Several frameworks answer it with 400, not 403: Pyramid's BadCSRFToken and
 * BadCSRFOrigin are HTTPBadRequest subclasses whose titles are the reason phrase ("400 Bad CSRF Token", "400 Bad CSRF
 * Origin"; pyramid/exceptions.py, https://docs.pylonsproject.org/projects/pyramid/en/2.0-branch/narr/security.html#checking-csrf-tokens-automatically),
 * Flask-WTF's CSRFError is 400 "The CSRF token is missing." / "The CSRF tokens do not match."
 * (https://flask-wtf.readthedocs.io/en/1.2.x/csrf/). A validation message that only names a csrf field is not one.
 */
export const CSRF_REFUSED = anyOf(
  /\b(?:bad|invalid|missing|wrong|incorrect|expired|no)\s+(?:csrf|xsrf)\b/,
  /\b(?:csrf|xsrf)\b[^.;]{0,40}?\b(?:missing|mismatch|incorrect|invalid|(?:do(?:es)?\s+not|don't)\s+match|verification\s+failed|expired)\b/,
  'i',
);

const REFUSING = [CREDENTIAL_REFUSED, TOKEN_REFUSED, NO_CREDENTIAL, RIGHT_REFUSED, KEY_REFUSED, CSRF_REFUSED];

/** Longer messages are prose (a stack trace, a page): they are not read as a refusal. */
const MAX_MESSAGE = 400;

/** Whether a server's stated message refuses the caller on its own. */
export function statesRefusal(message: string | undefined): boolean {
  if (!message || message.length > MAX_MESSAGE) return false;
  return REFUSING.some((p) => p.test(message));
}

/** Whether the message, said in answer to a sign-in, says the account it names is unknown. */
export function statesUnknownAccount(message: string | undefined): boolean {
  return !!message && message.length <= MAX_MESSAGE && UNKNOWN_ACCOUNT.test(message);
}
