import { CONFIDENCE } from '../../../core/confidence';
import type { Rule } from '../../../core/context';
import { clip } from '../../../inspect/mask';
import { stateRefusalOf } from '../../../inspect/oauth-state';
import { maskSecrets } from '../../../vendors/match';
import { statusEvidence } from './common';

/** csrf.invalid: the sign-in callback's OAuth `state` was refused (lib/inspect/oauth-state.ts). */
export const oauthStateRule: Rule = {
  name: 'oauth-state',
  run(ctx) {
    const { x } = ctx;
    const r = stateRefusalOf(x);
    if (!r) return [];
    return [
      {
        id: 'csrf.invalid',
        confidence: CONFIDENCE.likelyPlus5,
        title: 'The sign-in callback was refused: its OAuth state does not verify',
        summary:
          'The request hands an authorization response back (a code and a state), and the server refused ' +
          'the state. The state is the anti-forgery check of the OAuth redirect (RFC 6749 §10.12): it must ' +
          'come back to the client that issued it, unchanged, in the same browser session.',
        evidence: [
          {
            where: r.at === 'status text' ? 'response.status' : 'response.body',
            name: r.at || '/',
            detail: `the server says "${clip(maskSecrets(r.said), 160)}"`,
          },
          { where: 'request.body', name: 'state', detail: 'the request carries an OAuth code and state' },
          statusEvidence(x),
        ],
        fixes: [
          'Start the sign-in again from the page that issued it: a state from another tab, browser or earlier attempt is refused.',
          'Check that what binds the state survives the redirect (the state cookie or session: SameSite=Lax, same host) and that every instance signs and verifies it with the same secret.',
        ],
      },
    ];
  },
};
