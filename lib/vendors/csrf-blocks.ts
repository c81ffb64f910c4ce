import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Frameworks that refuse a cross-site-request-forgery check with 400 rather than 403/419: the status alone reads
// as a validation error, the wording says CSRF. They flag the entry (a refusal stated in another status).
const APOLLO =
  'https://www.apollographql.com/docs/apollo-server/security/cors#preventing-cross-site-request-forgery-csrf';
const ASPNET = 'https://learn.microsoft.com/en-us/aspnet/core/security/anti-request-forgery';
// Echo's CSRF middleware: 400 "missing csrf token in request header" (or "in the query string", "in the form
// parameter") when no token came, 403 "invalid csrf token" when it does not match (middleware/csrf.go).
const ECHO = 'https://echo.labstack.com/docs/middleware/csrf';
// Ory Kratos' CSRF error, security_csrf_violation: 403 now, 400 in earlier releases (x/nosurf.go).
const KRATOS = 'https://www.ory.sh/docs/kratos/debug/csrf';
// Nextcloud's (and ownCloud's) AppFramework answers a failed CSRF check with 412 Precondition Failed, "CSRF check
// failed" (CrossSiteRequestForgeryException), as {"message":…} to a JSON request; an OCS call passes with the
// OCS-APIRequest: true header instead of the request token.
const NEXTCLOUD =
  'https://github.com/nextcloud/server/blob/master/lib/private/AppFramework/Middleware/Security/Exceptions/CrossSiteRequestForgeryException.php';

export const CSRF_BLOCKS: readonly Signature[] = [
  {
    id: 'apollo.csrf_prevention',
    vendor: 'Apollo Server',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [400],
    flags: true,
    body: /operation\s+has\s+been\s+blocked\s+as\s+a\s+potential\s+Cross-Site\s+Request\s+Forgery/i,
    title: "Apollo Server's CSRF prevention blocked this request",
    summary:
      'Apollo Server refuses GraphQL requests a browser could send cross-site without a preflight (a GET, or a POST ' +
      'with a simple Content-Type such as text/plain or a form type) unless they carry a header that forces one.',
    fixes: [
      'Send Content-Type: application/json on POSTs.',
      'For GET requests or uploads, add an apollo-require-preflight: true (or x-apollo-operation-name) header.',
    ],
    source: APOLLO,
  },
  {
    id: 'aspnet.antiforgery',
    vendor: 'ASP.NET Core',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [400],
    flags: true,
    body: /required\s+antiforgery\s+(?:cookie|header\s+value|form\s+field)\s+\S+\s+is\s+not\s+present|antiforgery\s+token\s+could\s+not\s+be\s+decrypted|antiforgery\s+token\s+validation\s+failed/i,
    title: "ASP.NET Core's antiforgery check refused the request",
    summary:
      'The antiforgery cookie, header or form field was missing or did not match ([ValidateAntiForgeryToken] / ' +
      'AutoValidateAntiforgeryToken answer 400).',
    fixes: [
      'Send the RequestVerificationToken header (or __RequestVerificationToken field) from the current page with the antiforgery cookie.',
    ],
    source: ASPNET,
  },
  {
    id: 'echo.csrf_missing',
    vendor: 'Echo',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [400],
    flags: true,
    body: /missing\s+csrf\s+token\s+in\s+(?:request\s+header|the\s+query\s+string|the\s+form\s+parameter)/i,
    title: "Echo's CSRF middleware found no token",
    summary:
      'The request carried no CSRF token where the middleware looks for it (TokenLookup, default the X-CSRF-Token ' +
      'header); Echo answers 400 before any handler runs.',
    fixes: [
      'Send the value of the _csrf cookie (or the token the page was rendered with) in the X-CSRF-Token header on unsafe requests.',
    ],
    source: ECHO,
  },
  {
    id: 'ory.kratos.csrf',
    vendor: 'Ory Kratos',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [400, 403],
    flags: true,
    body: /"id"\s*:\s*"security_csrf_violation"|rejected\s+to\s+protect\s+you\s+from\s+Cross-Site-Request-Forgery/i,
    title: 'Ory Kratos rejected the flow as a CSRF violation (security_csrf_violation)',
    summary:
      "A browser flow's submission must carry the flow's csrf_token and the CSRF cookie Kratos set when the flow " +
      'began; one is missing or they do not match (another domain, a lost cookie, a flow fetched by the server).',
    fixes: [
      'Send the csrf_token from the flow\'s UI nodes in the body, and the Kratos cookies with the request (credentials: "include", same domain).',
      'Start a new flow if the cookies were cleared or the flow came from another browser session.',
    ],
    source: KRATOS,
  },
  {
    id: 'nextcloud.csrf',
    vendor: 'Nextcloud',
    cause: 'csrf.invalid',
    confidence: CONFIDENCE.certain,
    status: [412],
    flags: true,
    body: /^[\s\S]{0,2000}?\bCSRF\s+check\s+failed\b/i,
    title: "Nextcloud's CSRF check refused the request (412)",
    summary:
      'Nextcloud answers a cookie-authenticated request without its request token with 412 Precondition Failed, ' +
      '"CSRF check failed". OCS API calls pass the check only with the OCS-APIRequest: true header.',
    fixes: [
      'From an app page, send the requesttoken header (OC.requestToken) with the session cookie.',
      'For OCS endpoints, add the header OCS-APIRequest: true, or authenticate with an app password instead of the cookie.',
    ],
    source: NEXTCLOUD,
  },
];
