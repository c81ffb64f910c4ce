import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Akamai's edge denial page: "Access Denied … You don't have permission to access "<url>" on
// this server. Reference #18.<hex>.<epoch>.<hex>". The reference number identifies the event.
const DENIED = 'https://techdocs.akamai.com/property-mgr/docs/deny-access';
const REFERENCE =
  'https://community.akamai.com/customers/s/article/Why-am-I-receiving-an-Access-Denied-error-with-a-reference-number';
const V = 'Akamai';
const G = 'akamai';
const REF = /Reference\s*#\s*\d{1,3}\.[0-9a-f]{4,}\.\d{6,}\.[0-9a-f]{4,}/i;

export const AKAMAI: readonly Signature[] = [
  {
    id: 'akamai.access_denied',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    status: [403, 200],
    flags: true,
    // The edge page is tiny; anchoring near the top keeps articles that quote it out.
    body: [/^[\s\S]{0,1500}?You\s+don't\s+have\s+permission\s+to\s+access/i, REF],
    title: 'Akamai denied the request at the edge (Reference #…)',
    summary:
      'Akamai\'s "Access Denied" page with a Reference # comes from the edge: a WAF / Bot Manager ' +
      'rule, a geo or IP rule, or a Deny Access behaviour in the property. The origin never saw ' +
      'the request.',
    fixes: [
      "Give the Reference # to the site's Akamai administrator; they can decode it (Edge Diagnostics " +
        '> Error Statement) to find the rule that denied it.',
    ],
    source: DENIED,
  },
  {
    id: 'akamai.reference_only',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.possiblePlus20,
    body: [/Access\s+Denied/i, REF],
    title: 'Akamai denied the request at the edge',
    summary: 'An Akamai edge denial page (Access Denied with a Reference #).',
    fixes: ["Send the Reference # to the site's Akamai administrator to find the denying rule."],
    source: REFERENCE,
  },
];
