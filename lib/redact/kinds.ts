// The kinds of secret the vault tells apart; shared by the vault and describeSecret without a cycle.
export type SecretKind =
  | 'authorization'
  | 'basic'
  | 'jwt'
  | 'cookie'
  | 'api-key'
  | 'query'
  | 'body'
  | 'url'
  | 'signature'
  | 'token'
  | 'personal'
  /** A password decoded from a credential (Basic), hunted wherever it is echoed. */
  | 'password'
  /**
   * A whole text the decoding closure could not read to the end (closure.ts: its nestings cost
   * more than the work budget). Redaction cannot vouch for what it did not read, so the text
   * leaves as one placeholder wherever it appears.
   */
  | 'unread';
