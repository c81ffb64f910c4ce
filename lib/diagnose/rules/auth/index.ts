import type { Rule } from '../../context';

/** Rules read from credentials, tokens and auth challenges. */
export const AUTH_RULES: readonly Rule[] = [];
