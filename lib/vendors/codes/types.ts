import type { CauseId } from '../../core/causes';
import type { ConfidenceLevel } from '../../core/confidence';
import type { ErrorFamily } from '../../inspect/structured-error';

/**
 * What a server's error code means, as data. `auth.unauthenticated` is not a cause id: it says
 * "not authenticated" without saying whether credentials were sent, so the rule resolves it to
 * auth.missing (nothing sent) or auth.invalid (something sent and refused).
 */
export type CodeCause = CauseId | 'auth.unauthenticated';

export interface CodeRow {
  /** The codes as documented; matched ignoring case, "_", "-" and spaces. */
  codes: readonly string[];
  /** The message must match too: refines a code that covers several causes. Listed before the plain row. */
  message?: RegExp;
  cause: CodeCause;
  level: ConfidenceLevel;
  /**
   * The code is a refusal whatever the HTTP status (a GraphQL 200 with UNAUTHENTICATED, an OAuth
   * 400 invalid_grant): such an entry is flagged. False for codes that are ordinary request errors
   * (invalid_request), which still explain an entry flagged for its status.
   */
  refusal: boolean;
  /** The code only restates the HTTP status ("Unauthorized", 403): a message that says more wins. */
  restatesStatus?: boolean;
  /** The cause when the call went to an OAuth token endpoint, where the client's credentials are at stake. */
  atTokenEndpoint?: CodeCause;
  /** One line naming what the code means, shown as the cause title with the code. */
  means: string;
  fixes: readonly string[];
}

export interface CodeTable {
  /** Short name shown in evidence ("OAuth 2.0", "Google API"). */
  name: string;
  /** The families whose codes this table reads. */
  families: readonly ErrorFamily[];
  /** Where the codes are documented. */
  source: string;
  /** Numeric or vendor-generic codes are read only on the vendor's own hosts. */
  host?: RegExp;
  rows: readonly CodeRow[];
}
