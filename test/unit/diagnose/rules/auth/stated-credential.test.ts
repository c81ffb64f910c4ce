import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';

// Issue 17: what the server says it received outranks what a capture left out, and an OAuth code
// is read with its description. Both responses are as their servers document them:
// - Apache OpenWhisk's controller answers a wrong namespace key with 401, `WWW-Authenticate: Basic
//   realm="OpenWhisk secure realm"` and {"error":"The supplied authentication is invalid"}
//   (https://github.com/apache/openwhisk/blob/master/common/scala/src/main/scala/org/apache/openwhisk/http/ErrorResponse.scala);
//   adobe/helix-publish's Polly recording of it is in the corpus, its Authorization header not kept.
// - ForgeRock AM's dynamic client registration answers a request without a valid initial access
//   token with 400 {"error":"access_denied","error_description":"Access Token not valid"}
//   (ryanbas21/aic-typescript-mcp-sdk's Chrome export, in the corpus).

function causes(creator: string, entries: EntrySpec[]) {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!.causes;
}

const OPENWHISK: EntrySpec = {
  url: 'https://adobeioruntime.net/api/v1/namespaces/acme/packages',
  status: 401,
  responseHeaders: {
    'WWW-Authenticate': 'Basic realm="OpenWhisk secure realm", charset="UTF-8"',
    'Content-Type': 'application/json',
  },
  body: '{"error":"The supplied authentication is invalid","code":"k5FcWBx2D7ObTRzfL0bYbG7s0EmEuzuC"}',
};

describe('a server that says it received a credential', () => {
  it('a recorder that scrubs credential headers (Polly.JS): the refusal of what was supplied comes first', () => {
    const c = causes('Polly.JS', [OPENWHISK]);
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c.map((x) => x.id)).toContain('auth.missing');
  });

  it('the same words with the credential on the request: auth.invalid, quoting the server', () => {
    const c = causes('Playwright', [{ ...OPENWHISK, requestHeaders: { Authorization: 'Basic YWNtZTp3cm9uZw==' } }]);
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c[0]!.evidence.map((e) => e.detail).join('\n')).toMatch(/supplied authentication is invalid/);
  });
});

describe('access_denied read with its description', () => {
  const register = (description: string, headers: Record<string, string> = {}): EntrySpec => ({
    url: 'https://am.example.com/am/oauth2/alpha/register',
    method: 'POST',
    status: 400,
    requestHeaders: { 'Content-Type': 'application/json', ...headers },
    requestBody: '{"client_name":"MCP Inspector","redirect_uris":["http://localhost:6274/oauth/callback"]}',
    responseHeaders: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ error_description: description, error: 'access_denied' }),
  });

  it('"Access Token not valid" names the token refused: auth.invalid, not a right the caller lacks', () => {
    const c = causes('Playwright', [register('Access Token not valid', { Authorization: 'Bearer ey.initial.token' })]);
    expect(c[0]!.id).toBe('auth.invalid');
    expect(c.map((x) => x.id)).not.toContain('permission.denied');
  });

  it('the same answer to a request that carried no token, from a writer that keeps headers: not a permission', () => {
    const c = causes('Playwright', [register('Access Token not valid')]);
    expect(c[0]!.id).toMatch(/^auth\.(?:missing|invalid)$/);
    expect(c.map((x) => x.id)).not.toContain('permission.denied');
  });

  it('an owner who said no, to a caller holding a token, keeps its reading: permission.denied', () => {
    const denied = register('The resource owner denied the request', { Authorization: 'Bearer ey.initial.token' });
    expect(causes('Playwright', [denied])[0]!.id).toBe('permission.denied');
  });
});

describe('what other servers state', () => {
  it('"expired or is not yet valid" (Microsoft Graph) reads expired when the token cannot say which', () => {
    // https://learn.microsoft.com/en-us/graph/errors (InvalidAuthenticationToken)
    const c = causes('Playwright', [
      {
        url: 'https://graph.microsoft.com/v1.0/me',
        status: 401,
        requestHeaders: { Authorization: 'Bearer EwBwA8l6BAAUbDba3x2OMJElkF7gJ4z' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' },
        }),
      },
    ]);
    expect(c[0]!.id).toBe('auth.token_expired');
  });

  it('Vault: a list of sentences is the message, and X-Vault-Token is the credential sent', () => {
    // https://developer.hashicorp.com/vault/api-docs#error-response and #authentication
    const c = causes('Playwright', [
      {
        url: 'http://127.0.0.1:8200/v1/secret/data/app',
        status: 403,
        requestHeaders: { 'X-Vault-Token': 'hvs.CAESIJlU9JMYEhOPYv4KMiaWfa8Dg' },
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"errors":["permission denied"]}\n',
      },
    ]);
    expect(c[0]!.id).toBe('permission.denied');
    expect(c[0]!.evidence.map((e) => e.detail).join('\n')).toMatch(/permission denied/);
  });
});
