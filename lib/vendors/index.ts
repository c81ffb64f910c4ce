import type { Signature } from './types';

/** Every vendor signature, most specific first (the first match wins on ties). */
export const SIGNATURES: readonly Signature[] = [];
