import { API_KEY_HEADERS } from '../model/key-names';
import { trimChar, trimEndChar } from '../model/trim';

// Which names carry secrets. Lists come from what gateways and vendors document (AWS API
// Gateway x-api-key, Azure APIM Ocp-Apim-Subscription-Key, Google key=, presigned S3/GCS/Azure
// SAS signatures, OAuth 2 parameters in RFC 6749) plus patterns for the many in-house names.

const SECRET_HEADERS: ReadonlySet<string> = new Set([
  ...API_KEY_HEADERS,
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-ibm-client-secret',
  'x-amz-security-token',
  'x-goog-iam-authorization-token',
  'x-csrf-token',
  'x-xsrf-token',
  'csrf-token',
  'x-vault-token',
  'x-shopify-access-token',
  'x-hub-signature',
  'x-hub-signature-256',
  'signature',
  'x-signature',
  'x-session-token',
  'x-amz-content-sha256-secret',
]);

// Names that look secret by pattern but hold none; redacting them would only hide facts.
const NOT_SECRET_HEADER =
  /^(sec-|www-authenticate$|proxy-authenticate$|authentication-info$|x-ratelimit|ratelimit|content-|accept|access-control-|x-amz-credential$|signature-input$|x-amz-date$|x-goog-date$)/;
const SECRET_HEADER_PATTERN =
  /(token|secret|passw|pass(phrase|code)|api[-_]?key|apikey|(^|-)key$|session|signature|auth$|authori[sz]ation|authentication$|credential|cookie)/;

export function isSecretHeader(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (SECRET_HEADERS.has(n)) return true;
  return !NOT_SECRET_HEADER.test(n) && SECRET_HEADER_PATTERN.test(n);
}

/** Headers whose value is a URL that may carry secrets in its query or userinfo. */
export function isUrlHeader(name: string): boolean {
  return /^(referer|location|content-location|refresh|link)$/i.test(name.trim());
}

// Query and form names. Credentials in signed URLs (AWS X-Amz-Credential, GCS
// GoogleAccessId, CloudFront Key-Pair-Id) are key identifiers that diagnosis reads; only
// signatures, tokens and keys are secret.
const NOT_SECRET_PARAM =
  /^(x-amz-credential|x-goog-credential|googleaccessid|key-pair-id|token_type|grant_type|response_type|token_type_hint|x-amz-signedheaders|x-goog-signedheaders|.*_type|.*expires.*|.*_at|.*_in)$/;
// Also: passphrase/passcode, `credentials` objects, Cookie fields nested in JSON, jsessionid and
// PHPSESSID, CAS service and login tickets (https://apereo.github.io/cas/7.0.x/protocol/CAS-Protocol-Specification.html),
// SAML artifacts, ASP.NET __VIEWSTATE/__EVENTVALIDATION (state the server trusts).
const SECRET_PARAM =
  /(token|secret|passw|pass(phrase|code)|^pwd$|^pass$|^sig$|signature|api[-_]?key|apikey|^key$|_key$|-key$|^code$|^code_verifier$|^(auth|authorization|otp|mfa|totp|sms|verification)_?code$|^session|sessionid|sessid|^sid$|^auth$|authori[sz]ation$|^authentication$|^jwt$|^otp$|^pin$|^cvv$|^cvc$|^x-amz-security-token$|^hapikey$|^appid$|^client_assertion$|^assertion$|^saml(request|response|art)$|^private|^credentials$|^(set-)?cookies?$|^ticket$|^lt$|^__viewstate|^__eventvalidation$)/;

// Names repeat across a log (every entry has the same headers, keys and fields): the answer
// for each is kept, up to a bound, so the decoding closure asks the patterns once per name.
function remembered(rule: (name: string) => boolean): (name: string) => boolean {
  const cache = new Map<string, boolean>();
  return (name) => {
    const known = cache.get(name);
    // Stryker disable next-line ConditionalExpression: speed only: the rule gives the same answer again
    if (known !== undefined) return known;
    const answer = rule(name);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: memory only: a cleared or unbounded cache answers the same
    if (cache.size > 50_000) cache.clear();
    cache.set(name, answer);
    return answer;
  };
}

export const isSecretParam = remembered((name) => {
  const n = name.trim().toLowerCase();
  return !NOT_SECRET_PARAM.test(n) && SECRET_PARAM.test(n);
});

/** JSON, form and multipart field names holding secrets (same rule as query parameters). */
// accessToken, clientSecret, tokenType: camelCase read as snake_case, so exceptions apply.
export const isSecretField = remembered((name) => isSecretParam(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2')));

/**
 * Structured bodies (JSON, XML) use "code" and "key" for error codes and object keys far
 * more than for secrets ({"code": "invalid_token"}, S3's <Key>); those stay readable there.
 */
export const isSecretStructuredField = remembered((name) => !/^(code|key)$/i.test(name.trim()) && isSecretField(name));

/** A placeholder-friendly upper-case name: letters, digits and underscores only. */
export function envName(raw: string): string {
  // Runs of other characters collapse to one `_`, so past the 200th character no more than one
  // `_` can lead: the cut only bounds the work on a huge name.
  // Stryker disable next-line MethodExpression: see above
  const n = raw
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .slice(0, 200);
  return trimEndChar(trimChar(n, '_').slice(0, 40), '_') || 'SECRET';
}

/**
 * Inside a container under a secret key (`"externalObtainAccessTokens": {…}`, a GraphQL payload
 * named after what it returns), the error report the server put there is not the credential:
 * Saleor's `"errors":[{"code":"INVALID","field":"state","message":"Bad signature"}]` sealed as
 * secrets turned the words "state" and "INVALID" into placeholders in every output that quotes
 * them. Under these keys the container's secrecy stops; keys that are secret themselves still are.
 */
export const REPORT_KEYS: ReadonlySet<string> = new Set([
  'errors',
  'error',
  'message',
  'field',
  '__typename',
  'extensions',
  'locations',
  'path',
]);
