import type { Rule } from '../../context';

/** Rules that explain a browser-blocked (CORS) request. */
export const CORS_RULES: readonly Rule[] = [];
