/**
 * The session account in words. A sentence is a list of parts: text, and instants kept as
 * numbers so that each reader shows them its own way: reports print the absolute time ("at
 * 2026-11-21T12:00:03Z", they outlive the capture), the panel prints it relative to the capture
 * ("at +2.1 s") with the absolute time on hover.
 */
export type SessionPart = string | { at: number };

/**
 * The session view (issue 13): per origin, a short account over the whole capture. When the
 * refusals started, what the tokens' lifetimes were and when one expired, the rate-limit windows
 * and whether the client honoured them, and which credential changed between the last success
 * and the first failure. Pure: the panel shows it above the list, reports print it.
 */
export interface SessionToken {
  /** Never the token: its claims (sub, iss) and a number. */
  label: string;
  issuedAt?: string;
  /** Absent when the token does not expire, or only so far away that it never will in practice. */
  expiresAt?: string;
  expiresMs?: number;
  lifetime?: string;
  calls: number;
  firstUsed?: string;
  lastUsed?: string;
  /** Calls that carried it after its exp (by the server's clock). */
  callsAfterExpiry: number;
  firstUseAfterExpiry?: { index: number; at: string; ms?: number; status: number };
}

export interface SessionRateLimit {
  name: string;
  limit?: number;
  lowestRemaining?: number;
  exhaustedAt?: { index: number; at: string; ms?: number };
  /** Refusals that asked to wait (Retry-After or an exhausted window's reset). */
  askedToWait: number;
  /** The longest wait asked, as quoted ("Retry-After: 30"). */
  longestWait?: string;
  retriedTooSoon: number;
  waitedAsTold: number;
  hammered: number;
}

export interface SessionOrigin {
  origin: string;
  calls: number;
  refused: number;
  /** When the capture began (its earliest request), for times relative to it. */
  captureStart: number | null;
  firstRefusal?: {
    index: number;
    at: string;
    ms?: number;
    status: number;
    method: string;
    path: string;
    cause: string;
  };
  lastSuccessBefore?: { index: number; at: string; ms?: number; status: number };
  tokens: SessionToken[];
  rateLimits: SessionRateLimit[];
  /** What differed in the credentials between the last success and the first refusal. */
  credentialChanges: string[];
  /** The account, one sentence a line, with absolute times (reports). */
  lines: string[];
  /** The same sentences with their instants as numbers (the panel shows them relative). */
  parts: SessionPart[][];
}
