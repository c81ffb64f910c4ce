// What parseAuthorization reads, in its own file so the per-scheme readers (auth-schemes.ts)
// and the dispatcher (authorization.ts) both depend on it without depending on each other.
import type { BasicReading } from './basic';
import type { Jwt } from './jwt';
import type { SigV4Reading } from './sigv4';

export type AuthIssueCode =
  | 'empty'
  | 'placeholder'
  | 'missing-scheme'
  | 'doubled-scheme'
  | 'scheme-colon'
  | 'header-name'
  | 'quoted'
  | 'whitespace'
  | 'control-char'
  | 'extra-space'
  | 'bad-chars'
  | 'basic'
  | 'truncated-jwt'
  | 'broken-jwt'
  | 'sigv4';

/** A shape problem. `certain`: no compliant server can read it; `likely`: many servers won't. */
export interface AuthIssue {
  code: AuthIssueCode;
  message: string;
  certainty: 'certain' | 'likely';
}

export interface AuthorizationReading {
  header: 'authorization' | 'proxy-authorization';
  /** The scheme as sent ("Bearer"), null when there is none. */
  scheme: string | null;
  kind: 'basic' | 'bearer' | 'digest' | 'sigv4' | 'negotiate' | 'other' | 'none';
  /** Safe to show: the scheme and a masked credential. */
  display: string;
  credentialLength: number;
  basic?: BasicReading;
  jwt?: Jwt;
  jwtError?: string;
  /** "JWT", an issuer's documented token kind, or "opaque token". */
  tokenKind?: string;
  sigv4?: SigV4Reading;
  digestUser?: string;
  /** The placeholder the capture shows instead of the credential ("[REDACTED]", "****"). */
  hidden?: string;
  issues: AuthIssue[];
}
