import type { CodeTable } from './types';

/**
 * Problem types registered with IANA (RFC 9457 §4.2). The RateLimit fields draft registers
 * "quota-exceeded" for a request refused by a quota policy, which is a rate window (its window
 * length, not the word, tells a daily quota; the rate-limit header rule reads that).
 */
export const PROBLEM_CODES: CodeTable = {
  name: 'IANA problem type',
  families: ['problem'],
  source: 'https://www.iana.org/assignments/http-problem-types/http-problem-types.xhtml',
  rows: [
    {
      codes: ['quota-exceeded'],
      cause: 'rate_limit.exceeded',
      level: 'likely',
      refusal: true,
      means: 'the request exceeded a quota policy (RateLimit fields)',
      fixes: ['Wait the time the RateLimit / Retry-After fields give, then retry with backoff.'],
    },
    {
      codes: ['temporary-reduced-capacity'],
      cause: 'rate_limit.exceeded',
      level: 'possible',
      refusal: true,
      means: 'the server is temporarily shedding load',
      fixes: ['Retry later with exponential backoff and jitter.'],
    },
  ],
};
