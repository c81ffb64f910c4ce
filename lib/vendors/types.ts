import type { CauseId } from '../diagnose/causes';

/**
 * A vendor's documented refusal, as data. The signature rule matches these against a
 * response; adding a vendor is adding rows, never a code path.
 */
export interface Signature {
  /** Stable id, "<vendor>.<what>", e.g. "aws.apigw.missing_auth_token". */
  id: string;
  vendor: string;
  cause: CauseId;
  confidence: number;
  /** Statuses the signature applies to. Absent: the flagged statuses (401, 403, 407, 419, 429). */
  status?: readonly number[];
  /**
   * The match flags the entry even when its status is not a refusal status: block pages
   * served as 200, Google's 400 API_KEY_INVALID.
   */
  flags?: boolean;
  /** Tested against the decoded response body (first 256 KB). */
  body?: RegExp;
  /** A response header that must be present (and match `value` when given). */
  header?: { name: string; value?: RegExp };
  /** Only when the request did / did not carry credentials (Authorization, API key, cookie). */
  requires?: 'credentials' | 'no-credentials';
  title: string;
  summary: string;
  fixes: readonly string[];
  /** Where the response shape is documented. Every signature cites one. */
  source: string;
}
