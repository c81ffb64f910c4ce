import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Akamai's {OPEN} APIs (*.luna.akamaiapis.net) authenticate each request with an EdgeGrid (EG1-HMAC-SHA256)
// Authorization header and refuse it with an RFC 9457 problem whose type is .../pep-authn/deny and whose title is
// "Not authorized"; the detail says which check failed. "The signature does not match": the HMAC over the method,
// URL, the signed headers and the body hash differs from the one the client computed (Akamai's client libraries
// document the usual causes: a body over max-body, the query left out, a proxy changing the body).
const EDGEGRID = 'https://techdocs.akamai.com/developer/docs/authenticate-with-edgegrid';

export const AKAMAI_EDGEGRID: readonly Signature[] = [
  {
    id: 'akamai.edgegrid.signature',
    vendor: 'Akamai EdgeGrid',
    cause: 'signature.mismatch',
    confidence: CONFIDENCE.certain,
    status: [401],
    host: /\.luna(?:-dev)?\.akamaiapis\.net$/,
    body: [/pep-authn\/deny/, /"detail"\s*:\s*"The signature does not match"/],
    title: 'Akamai could not verify the EdgeGrid signature ("The signature does not match")',
    summary:
      'The EG1-HMAC-SHA256 signature in the Authorization header was computed over different bytes than Akamai ' +
      'received: the path and query, the signed headers or the body hash (bodies over max-body are truncated).',
    fixes: [
      'Sign with an EdgeGrid client library, over the exact URL (query included) and body sent; keep POST bodies ' +
        'under max-body or let the library hash them.',
      'Check that client_token, access_token and client_secret come from the same API client credential.',
    ],
    source: EDGEGRID,
  },
];
