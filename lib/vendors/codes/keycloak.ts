import type { CodeTable } from './types';

/**
 * Keycloak's token endpoint answers an ended session with invalid_grant and a description that says
 * so: "Token is not active" (the refresh token outlived SSO Session Idle/Max, or the user logged
 * out) and "Session not active". RFC 6749 reads invalid_grant as an invalid grant; here the grant was
 * good and has lapsed, which is fixed by signing in again, not by checking the credentials.
 */
export const KEYCLOAK_CODES: CodeTable = {
  name: 'Keycloak',
  families: ['oauth'],
  source: 'https://www.keycloak.org/docs/latest/server_admin/index.html#_timeouts',
  rows: [
    {
      codes: ['invalid_grant'],
      message: /^(?:Token|(?:Offline\s+)?(?:user\s+)?session)\s+(?:is\s+)?not\s+active$|^Refresh\s+token\s+expired$/i,
      cause: 'auth.token_expired',
      level: 'likely',
      refusal: true,
      means: 'the refresh token or its session has expired or ended (Keycloak)',
      fixes: [
        'Sign the user in again; to keep sessions longer raise SSO Session Idle/Max (or use offline_access) in the realm.',
        'With "Revoke Refresh Token" on, store and use the newest refresh token each time.',
      ],
    },
  ],
};
