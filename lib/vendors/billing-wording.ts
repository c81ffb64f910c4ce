import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// 402 Payment Required is what pay-as-you-go APIs answer when the account's prepaid credit or balance is used up
// (Replicate: "You have insufficient credit to run this model"; DeepSeek: "Insufficient Balance"). The words must
// name the account's credit or balance: a card declined while paying (Stripe's 402 card_declined, "Your card has
// insufficient funds.") is a payment error of the request, not a refused caller, and stays quiet.
export const BILLING_WORDING: readonly Signature[] = [
  {
    id: 'generic.credit_exhausted',
    vendor: 'Prepaid API credit',
    cause: 'billing.disabled',
    confidence: CONFIDENCE.likely,
    status: [402],
    flags: true,
    generic: true,
    body: /\b(?:insufficient|not enough)\s+(?:account\s+)?(?:credits?|balance)\b|\brun out of (?:credits?|balance)\b/i,
    title: "The account's prepaid credit or balance is used up (402)",
    summary:
      'The API bills per call from a prepaid balance; it is empty (or below the cost of this call), so the call was ' +
      'refused before it ran.',
    fixes: ["Top up the account's credit or balance (or enable auto-recharge), then retry."],
    source: 'https://api-docs.deepseek.com/quick_start/error_codes',
  },
];
