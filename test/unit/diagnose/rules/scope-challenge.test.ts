// A Bearer challenge naming the scope the resource needs, without an `error` param, beside words that refuse a
// permission: FastAPI's documented OAuth2-scopes dependency (https://fastapi.tiangolo.com/advanced/security/oauth2-scopes/)
// answers a token without the scope 401 {"detail":"Not enough permissions"} with `WWW-Authenticate: Bearer scope="…"`,
// and an unknown token 401 {"detail":"Could not validate credentials"} with the same challenge.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { makeHar } from '../../../support/har';

function top(detail: string, authorization?: string): string | undefined {
  const har = makeHar([
    {
      method: 'POST',
      url: 'https://api.example.com/items/',
      status: 401,
      requestHeaders: authorization ? { Authorization: authorization } : {},
      responseHeaders: { 'WWW-Authenticate': 'Bearer scope="items:write"', 'Content-Type': 'application/json' },
      body: JSON.stringify({ detail }),
      mimeType: 'application/json',
    },
  ]);
  return diagnose(har, { all: true })[0]?.causes[0]?.id;
}

describe('a Bearer challenge that names the scope', () => {
  it('is the scope the token lacks when the words refuse a permission', () => {
    expect(top('Not enough permissions', 'Bearer lab-token-reader')).toBe('permission.insufficient_scope');
  });

  it('is a token refused when the words say the token was not valid', () => {
    expect(top('Could not validate credentials', 'Bearer not-a-token')).toBe('auth.invalid');
  });

  it('names no scope to a caller that sent no Bearer token', () => {
    expect(top('Not enough permissions')).not.toBe('permission.insufficient_scope');
  });
});
