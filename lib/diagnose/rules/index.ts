import type { Rule } from '../../core/context';
import { AUTH_RULES } from './auth';
import { browserBlockRule } from './browser-blocks';
import { CORS_RULES } from './cors';
import { statusFallback } from './fallback';
import { grpcWebRule } from './grpc-web';
import { retryStormRule } from './retry-storm';
import { signatureRule } from './signatures';
import { statedReasonRule } from './stated-reason';
import { wafAttackRule } from './waf-attack';
import { orbRule } from './orb';
import { failedPreflightRule } from './cors/failed-preflight';

/** Every rule, in no particular order: confidence decides, not position. */
export const RULES: readonly Rule[] = [
  ...CORS_RULES,
  ...AUTH_RULES,
  signatureRule,
  statedReasonRule,
  grpcWebRule,
  browserBlockRule,
  wafAttackRule,
  orbRule,
  failedPreflightRule,
];

/**
 * What the status alone says. Runs only when no specific rule explained the status, so a
 * precise cause never stands next to a vague restatement of it. CORS causes don't count:
 * when a CORS error hides a 403, the 403 still deserves its own reading.
 */
export const FALLBACK_RULES: readonly Rule[] = [statusFallback];

/** Causes reported beside the refusal's own (a retry storm): they never stop the fallback. */
export const COMPANION_RULES: readonly Rule[] = [retryStormRule];
