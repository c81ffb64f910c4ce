// The cause taxonomy (docs/causes.md). These ids are a public contract used by the
// CLI's JSON, the panel's data-cause-id and reports: add ids, never rename them.
export const CAUSE_IDS = [
  'auth.missing',
  'auth.malformed',
  'auth.invalid',
  'auth.token_expired',
  'auth.token_not_yet_valid',
  'auth.cookie_not_sent',
  'auth.sso_required',
  'api_key.missing',
  'api_key.invalid',
  'api_key.expired',
  'api_key.restricted',
  'permission.denied',
  'permission.insufficient_scope',
  'rate_limit.exceeded',
  'quota.exceeded',
  'csrf.invalid',
  'signature.mismatch',
  'clock.skew',
  'signed_url.expired',
  'waf.blocked',
  'bot.challenge',
  'ip.blocked',
  'https.required',
  'service.disabled',
  'billing.disabled',
  'filesystem.forbidden',
  'route.not_found',
  'cors.missing_allow_origin',
  'cors.allow_origin_mismatch',
  'cors.multiple_allow_origin',
  'cors.wildcard_with_credentials',
  'cors.invalid_allow_credentials',
  'cors.preflight_invalid_status',
  'cors.preflight_redirect',
  'cors.method_not_allowed',
  'cors.header_not_allowed',
  'cors.local_network',
  'browser.csp_blocked',
  'browser.corp_blocked',
  'browser.mixed_content',
  'client.retry_storm',
  'unknown',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

export function isCauseId(value: string): value is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(value);
}

export type EvidenceWhere =
  | 'request.line'
  | 'request.header'
  | 'request.cookie'
  | 'request.query'
  | 'request.body'
  | 'response.status'
  | 'response.header'
  | 'response.body'
  | 'token'
  | 'preflight'
  | 'browser'
  | 'log';

/** One quoted fact. `detail` is safe to show and share: secrets are already masked. */
export interface Evidence {
  where: EvidenceWhere;
  name?: string;
  detail: string;
}

export interface Cause {
  id: CauseId;
  /** 0..1 */
  confidence: number;
  title: string;
  summary: string;
  evidence: Evidence[];
  fixes: string[];
}

export interface EntryDiagnosis {
  index: number;
  method: string;
  url: string;
  status: number;
  flagged: boolean;
  /** The browser blocked the response (CORS): the page saw a network error. */
  cors: boolean;
  causes: Cause[];
  /** Index of the preflight entry paired with this request, if any. */
  preflightIndex?: number;
  /** Index of the last successful call to the same endpoint, if any. */
  lastSuccessIndex?: number;
}
