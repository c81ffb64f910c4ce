import type { Exchange } from '../model/exchange';

/** The CORS failures the taxonomy names (cause id = `cors.` + kind). */
export type CorsKind =
  | 'missing_allow_origin'
  | 'allow_origin_mismatch'
  | 'multiple_allow_origin'
  | 'wildcard_with_credentials'
  | 'invalid_allow_credentials'
  | 'preflight_invalid_status'
  | 'preflight_redirect'
  | 'method_not_allowed'
  | 'header_not_allowed'
  | 'local_network';

/** One failed check, in the order Chromium runs them: the first is what its console prints. */
export interface CorsFailure {
  kind: CorsKind;
  /** Which response failed: the preflight (OPTIONS) or the actual response. */
  stage: 'preflight' | 'response' | 'browser';
  /** Chrome's console wording for this failure, after "has been blocked by CORS policy: ". */
  message: string;
  /** The header value in question, as received (ACAO, ACAC, ACAM, ACAH); null when absent. */
  value?: string | null;
  /** The method or request-header name that was refused. */
  subject?: string;
  /** Every request-header name the preflight response did not allow (header_not_allowed). */
  missing?: string[];
  /** Set when the failure is deduced rather than read from captured headers: why we believe it. */
  inferred?: string;
  /** How sure the evaluator is (0..1): what Chrome itself reports ~0.93, deductions lower. */
  confidence: number;
}

export type CredentialsMode = 'include' | 'unknown';

export interface PreflightNeed {
  /** A preflight was required: non-safelisted method or request header. */
  needed: boolean;
  /** The method as sent (case preserved: `patch` is not `PATCH`). */
  method: string;
  methodSafelisted: boolean;
  /** Lower-cased, sorted CORS-unsafe request-header names (what ACRH lists). */
  headers: string[];
  /** Where method/headers were read: the captured preflight's ACRM/ACRH or the request itself. */
  from: 'preflight' | 'request';
}

export interface CorsVerdict {
  /** A cross-origin request in CORS mode: the only kind CORS can block. */
  applies: boolean;
  /** Why CORS does not apply ("same-origin", "navigation"...), or how it was decided. */
  reason: string;
  /** The page's origin as the browser serialised it ("null" for opaque origins). */
  origin: string | null;
  originFrom: string;
  /** The target URL's origin. */
  target: string | null;
  /** The browser recorded a block (Chrome `_error`), or, when the capture has no such field, the checks fail. */
  blocked: boolean;
  /** True when the capture records the browser's own verdict (Chrome's `_error` field). */
  verdictRecorded: boolean;
  credentials: CredentialsMode;
  /** Why credentials mode is "include" (cookie names, never values). */
  credentialsEvidence?: string;
  need: PreflightNeed;
  preflight: Exchange | null;
  failures: CorsFailure[];
}

/** A failed check before the evaluator rates how sure it is. */
export type CorsCheck = Omit<CorsFailure, 'confidence'>;
