// The HTTP statuses the engine treats as refusals, named once. Every other list is built from
// these (the flag, the vendor rows' default, the retry reader, the CLI's help).

/**
 * Refusals by definition: flagged whatever the body says, and the statuses a vendor signature
 * row applies to when it names none. 419 is Laravel's "Page Expired" (a CSRF refusal).
 */
export const REFUSAL_STATUSES: readonly number[] = [401, 403, 407, 419, 429];

/** The refusals about a credential: asked for (401, 407) or refused (403). */
export const CREDENTIAL_REFUSAL_STATUSES: readonly number[] = [401, 403, 407];

const REFUSALS = new Set(REFUSAL_STATUSES);
const CREDENTIAL_REFUSALS = new Set(CREDENTIAL_REFUSAL_STATUSES);

export function isRefusalStatus(status: number): boolean {
  return REFUSALS.has(status);
}

export function isCredentialRefusal(status: number): boolean {
  return CREDENTIAL_REFUSALS.has(status);
}
