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
  | 'password';
