import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Frameworks that refuse a cross-site-request-forgery check with 400 rather than 403/419: the status alone reads
// as a validation error, the wording says CSRF. They flag the entry (a refusal stated in another status).
const APOLLO =
  'https://www.apollographql.com/docs/apollo-server/security/cors#preventing-cross-site-request-forgery-csrf';
const ASPNET = 'https://learn.microsoft.com/en-us/aspnet/core/security/anti-request-forgery';

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
];
