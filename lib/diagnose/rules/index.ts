import type { Rule } from '../context';
import { AUTH_RULES } from './auth';
import { CORS_RULES } from './cors';
import { statusFallback } from './fallback';
import { signatureRule } from './signatures';

/** Every rule, in no particular order: confidence decides, not position. */
export const RULES: readonly Rule[] = [...CORS_RULES, ...AUTH_RULES, signatureRule, statusFallback];
