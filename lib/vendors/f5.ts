import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// F5 BIG-IP ASM / Advanced WAF default blocking page: "The requested URL was rejected. Please
// consult with your administrator. Your support ID is: <digits>", served with 200 by default.
const ASM = 'https://my.f5.com/manage/s/article/K06024421';
const V = 'F5 BIG-IP ASM';
const G = 'f5';

export const F5: readonly Signature[] = [
  {
    id: 'f5.asm.rejected',
    vendor: V,
    group: G,
    cause: 'waf.blocked',
    confidence: CONFIDENCE.likelyPlus5,
    status: [200, 400, 403, 406, 500, 501],
    flags: true,
    // Anchored near the top: the default page is a few hundred bytes, an article quoting it is not.
    body: [
      /^[\s\S]{0,2000}?The\s+requested\s+URL\s+was\s+rejected\.?\s+Please\s+consult\s+with\s+your\s+administrator/i,
      /support\s+ID\s+is\s*(?::\s*)?[\d<]/i,
    ],
    title: 'F5 BIG-IP ASM rejected the request (support ID)',
    summary:
      "F5's application security module blocked the request and returned its default blocking page, " +
      'usually with status 200. The support ID identifies the violation in the BIG-IP event log.',
    fixes: [
      'Give the support ID to the F5 administrator: Security > Event Logs > Application > Requests ' +
        'shows the violation (often an attack signature, illegal meta character, or a disallowed ' +
        'content type).',
    ],
    source: ASM,
  },
];
