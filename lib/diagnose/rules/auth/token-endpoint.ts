import { CONFIDENCE } from '../../../core/confidence';
import type { Rule } from '../../../core/context';
import { tokenEndpointOf } from '../../../inspect/token-endpoint';
import { hiddenEvidence, statusEvidence } from './common';

const CLIENT_AUTH = {
  basic: 'client authenticated with HTTP Basic',
  'secret-in-body': 'client_secret in the request body',
  assertion: 'client_assertion (signed JWT) in the request body',
  'none-seen': 'no client authentication seen (a public client, or the capture dropped it)',
} as const;

/**
 * A refused call to an OAuth token endpoint is about the client's credentials or the grant
 * (RFC 6749 §5.2), never "no credentials were sent": they travel in the body. When the server
 * stated an OAuth error, the stated-reason rule says more; this reading is the floor.
 */
export const tokenEndpointRule: Rule = {
  name: 'oauth-token-endpoint',
  run(ctx) {
    const { x } = ctx;
    if (![400, 401, 403].includes(x.status)) return [];
    const t = tokenEndpointOf(ctx);
    if (!t) return [];
    const hidden = hiddenEvidence(ctx);
    const refresh = t.grantType === 'refresh_token';
    return [
      {
        id: 'auth.invalid',
        confidence: CONFIDENCE.possible,
        title: refresh
          ? 'The token endpoint refused the refresh token or the client credentials'
          : "The token endpoint refused the client's credentials or the grant",
        summary:
          `This is a call to an OAuth token endpoint (${t.why}); its credentials are the client's ` +
          `(${CLIENT_AUTH[t.clientAuth]}) and the grant itself${t.grantType ? ` (${t.grantType})` : ''}. ` +
          `One of them was refused: a wrong or rotated client secret, a code already used or expired, ` +
          `a revoked refresh token, or a redirect_uri / code_verifier that does not match.`,
        evidence: [
          {
            where: 'request.body',
            name: 'grant_type',
            detail: `OAuth token request: ${t.why}; ${CLIENT_AUTH[t.clientAuth]}`,
          },
          statusEvidence(x),
          ...(hidden ? [hidden] : []),
        ],
        fixes: [
          "Read the response's error and error_description (RFC 6749 §5.2): invalid_client is the client secret, " +
            'invalid_grant the code or refresh token.',
          refresh
            ? 'Sign the user in again to get a new refresh token; store the rotated one each time it is issued.'
            : 'Check client_id, client_secret and redirect_uri against the app registration for this environment.',
        ],
      },
    ];
  },
};
