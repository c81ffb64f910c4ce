import { credentialsOf, keyOnly } from '../../inspect/credentials';
import type { Cause } from '../../core/causes';
import type { Rule } from '../../core/context';
import { tokenEndpointOf } from '../../inspect/token-endpoint';
import { hiddenEvidence } from './auth/common';
import { CONFIDENCE } from '../../core/confidence';

/**
 * What the status alone says, at low confidence, so every refusal gets a reading even when
 * no specific rule matched. Specific rules outrank these by design.
 */
export const statusFallback: Rule = {
  name: 'status-fallback',
  run(ctx) {
    const { x } = ctx;
    const creds = credentialsOf(ctx);
    const status = { where: 'response.status' as const, detail: `${x.status} ${x.statusText}`.trim() };
    const hidden = hiddenEvidence(ctx);
    const out: Cause[] = [];
    if (x.status === 401 || x.status === 407) {
      const proxy = x.status === 407;
      // A token endpoint's credentials travel in the body: something was always sent.
      const sent = proxy
        ? creds.proxyAuthorization !== null
        : creds.authorization !== null || creds.apiKeys.length > 0 || tokenEndpointOf(ctx) !== null;
      // Only an API key went: the key is what the server refused.
      const key = !proxy && keyOnly(creds, x) && tokenEndpointOf(ctx) === null;
      out.push(
        sent
          ? {
              id: key ? 'api_key.invalid' : 'auth.invalid',
              confidence: CONFIDENCE.weakPlus20,
              title: proxy ? 'The proxy rejected the credentials sent' : 'The server rejected the credentials sent',
              summary:
                `The request carried credentials and the ${proxy ? 'proxy' : 'server'} still answered ${x.status}: ` +
                `they are wrong, revoked or meant for another service.`,
              evidence: [status, ...(hidden ? [hidden] : [])],
              fixes: [
                'Check that the credential belongs to this environment and service, then replay with a fresh one.',
              ],
            }
          : {
              id: 'auth.missing',
              confidence: CONFIDENCE.weakPlus25,
              title: proxy
                ? 'The proxy wants credentials and none were sent'
                : 'The server wants credentials and none were sent',
              summary:
                `${x.status} means "authenticate first", and the request carried no ` +
                `${proxy ? 'Proxy-Authorization' : 'Authorization header or API key'}.`,
              evidence: [status],
              fixes: [
                proxy
                  ? 'Configure the proxy credentials in the client.'
                  : 'Send the credential the API expects (see the WWW-Authenticate challenge or the API docs).',
              ],
            },
      );
    } else if (x.status === 403) {
      // A bare 403 (no stated reason, no known page) to a call whose only credential is an API key
      // (header or query): the key is what the server had to judge, so "not accepted" is the more
      // likely reading than a permission of an identity. Modest: a valid key can still lack access.
      // Only when the answer was seen: a body the capture left out (Firefox's onRequestFinished
      // delivers none) may say "api key lacks write", a permission (test/fixtures/har/firefox153-devtools-shapes.json).
      const keyed = creds.apiKeys.length > 0 && creds.authorization === null && creds.cookies.length === 0;
      const bodySeen = x.body.text !== null || !x.body.note;
      if (keyed && bodySeen && !hidden) {
        const key = creds.apiKeys[0]!;
        out.push({
          id: 'api_key.invalid',
          confidence: (CONFIDENCE.weak + CONFIDENCE.possible) / 2,
          title: 'The API key sent was not accepted (bare 403)',
          summary:
            `The request's only credential was an API key (${key.name.slice(0, 40)} in the ${key.in}) and the ` +
            'server answered 403 without saying why: the key is unknown, revoked or for another environment, ' +
            'or it is valid but not allowed here.',
          evidence: [
            status,
            {
              where: `request.${key.in === 'query' ? 'query' : 'header'}`,
              name: key.name.slice(0, 40),
              detail: `API key sent in ${key.name.slice(0, 40)} (${key.in}); no Authorization header or cookie`,
            },
          ],
          fixes: [
            'Check the key against the one issued for this environment (copy it again), then the access it grants to this resource.',
          ],
        });
      }
      out.push({
        id: 'permission.denied',
        confidence: CONFIDENCE.weak,
        title: 'The server refused the request (403)',
        summary: creds.any
          ? 'The server understood who is asking and refused. Without a more specific signal, the likeliest ' +
            'reading is a missing permission for this identity.'
          : '403 without credentials: the resource is not public, or a rule in front of it refused the request.',
        evidence: [status],
        fixes: ['Check the role, ACL or policy that guards this resource for the identity used.'],
      });
    } else if (x.status === 419) {
      out.push({
        id: 'csrf.invalid',
        confidence: CONFIDENCE.possiblePlus15,
        title: 'The CSRF token is missing or stale (419)',
        summary: '419 is Laravel\'s "Page Expired": the CSRF token was missing or did not match the session.',
        evidence: [status],
        fixes: [
          'Send the X-CSRF-TOKEN (or X-XSRF-TOKEN) header from the current session, or reload the page to get a fresh token.',
        ],
      });
    } else if (x.status === 429) {
      out.push({
        id: 'rate_limit.exceeded',
        confidence: CONFIDENCE.possiblePlus10,
        title: 'Too many requests (429)',
        summary: 'The server is limiting how fast this client may call it.',
        evidence: [status],
        fixes: ['Back off and retry later; honour Retry-After when present.'],
      });
    }
    return out;
  },
};
