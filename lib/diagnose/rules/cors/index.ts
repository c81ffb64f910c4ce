import type { Rule } from '../../../core/context';
import { corsRule } from './cors-rule';
import { preflightAuthRule } from './preflight-auth';

/** Rules that explain a browser-blocked (CORS) request. */
export const CORS_RULES: readonly Rule[] = [corsRule, preflightAuthRule];
