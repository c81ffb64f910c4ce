import type { Signature } from './types';
import { CONFIDENCE } from '../core/confidence';

// Jira and Confluence (Server / Data Center) report the outcome of a login attempt in the
// X-Seraph-LoginReason header, whatever scheme WWW-Authenticate advertises (always OAuth).
const BASIC_AUTH = 'https://developer.atlassian.com/server/jira/platform/basic-authentication/';

export const ATLASSIAN: readonly Signature[] = [
  {
    id: 'atlassian.seraph.authentication_denied',
    vendor: 'Atlassian',
    cause: 'bot.challenge',
    confidence: CONFIDENCE.likely,
    header: { name: 'x-seraph-loginreason', value: /AUTHENTICATION_DENIED/i },
    title: 'Jira wants a CAPTCHA before it accepts this login (AUTHENTICATION_DENIED)',
    summary:
      'After several failed logins Jira requires the user to answer a CAPTCHA in the browser; until then every ' +
      'API call with these credentials is refused, even with the right password.',
    fixes: [
      'Log in once through the web UI and solve the CAPTCHA, then retry; use an API token instead of a password.',
    ],
    source: BASIC_AUTH,
  },
  {
    id: 'atlassian.seraph.authenticated_failed',
    vendor: 'Atlassian',
    cause: 'auth.invalid',
    confidence: CONFIDENCE.likely,
    header: { name: 'x-seraph-loginreason', value: /AUTHENTICATED_FAILED/i },
    title: 'Jira rejected the credentials (X-Seraph-LoginReason: AUTHENTICATED_FAILED)',
    summary:
      'Jira read the credentials and they did not authenticate: a wrong user name, password or token, or a token ' +
      'for another instance. The OAuth challenge it sends alongside is its default, not a request for another scheme.',
    fixes: ['Check the user name and the API token (or personal access token) for this Jira instance.'],
    source: BASIC_AUTH,
  },
];
