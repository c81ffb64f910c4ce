import type { Confidence } from '../core/confidence';
import type { CauseId } from '../core/causes';

/** A response header that must be present, and match `value` when given. */
export interface HeaderMatch {
  name: string;
  value?: RegExp;
}

/**
 * What the request must have carried for the reading to hold. `credentials`: anything at all
 * (Authorization, API key, cookie). `authorization`: an Authorization header or a signed
 * query (X-Amz-Signature, sig=). `api-key`: a key header or query parameter.
 */
// 'no-token': neither an Authorization header (or signed query) nor an API key was sent; cookies
// may have been (a browser sends the site's cookies with every static file).
// 'plain-http': the request went over http:// (or ws://), so wording that demands TLS is borne out.
export type Requirement =
  | 'credentials'
  | 'no-credentials'
  | 'authorization'
  | 'no-authorization'
  | 'api-key'
  | 'no-api-key'
  | 'no-token'
  | 'plain-http';

/**
 * A vendor's documented refusal, as data. The signature rule matches these against a
 * response; adding a vendor is adding rows, never a code path.
 *
 * Bodies are matched after normalisation (lib/vendors/normalize.ts): HTML entities and JSON
 * escapes decoded, so regexes are written against plain text ("don't", not "don&#39;t").
 */
export interface Signature {
  /** Stable id, "<vendor>.<what>", e.g. "aws.apigw.missing_auth_token". */
  id: string;
  vendor: string;
  /**
   * Signatures of one group are alternatives: the first that matches (table order, most
   * specific first) speaks for the group and the rest are skipped. Default: `vendor`.
   */
  group?: string;
  cause: CauseId;
  /** A rung of lib/core/confidence.ts: an off-scale number does not compile. */
  confidence: Confidence;
  /** Statuses the signature applies to. Absent: the flagged statuses (401, 403, 407, 419, 429). */
  status?: readonly number[];
  /**
   * The match flags the entry even when its status is not a refusal status: block pages
   * served as 200, Google's 400 API_KEY_INVALID. A flagging signature must list `status`.
   */
  flags?: boolean;
  /** Tested against the normalised response body (first 256 KB); every pattern must match. */
  body?: RegExp | readonly RegExp[];
  /** Response headers that must all be present. */
  header?: HeaderMatch | readonly HeaderMatch[];
  /** At least one of these response headers must be present (identifies the vendor). */
  anyHeader?: readonly HeaderMatch[];
  /**
   * The request URL's host must match (for wording too generic to trust elsewhere). A row limited to a
   * vendor's API host, with `status`, may match on host and status alone when the vendor documents one
   * meaning for that status there (Raygun's 403): captures that keep no body can still be read.
   */
  host?: RegExp;
  requires?: Requirement;
  /**
   * Shared wording rather than a vendor's own: speaks only when no vendor signature matched,
   * so "Quota exceeded" in a Google RATE_LIMIT_EXCEEDED body does not add a second reading.
   */
  generic?: boolean;
  title: string;
  summary: string;
  fixes: readonly string[];
  /** Where the response shape is documented. Every signature cites one. */
  source: string;
}
