import { describe, expect, it } from 'vitest';
import type { EntrySpec } from '../../../../support/har';
import type { Cause } from '../../../../../lib/core/causes';
import { CONFIDENCE } from '../../../../../lib/core/confidence';
import { insufficientScopeRule } from '../../../../../lib/diagnose/rules/auth/insufficient-scope';
import { DATE, makeJwt, ruleCauses, answered } from './support';

// permission.insufficient_scope, the rule alone: which scope the user is told is missing, what is
// quoted, what to request. Sources: RFC 6750 §3.1 (error="insufficient_scope", scope="…"),
// GitHub's X-OAuth-Scopes / X-Accepted-OAuth-Scopes and their hierarchy
// (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps), and
// X-Accepted-GitHub-Permissions for fine-grained tokens
// (https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens).

const run = (entry: Partial<EntrySpec>): Cause[] => ruleCauses(insufficientScopeRule, answered(403, entry));

const challenge = (scope?: string) => ({
  Date: DATE,
  'WWW-Authenticate': `Bearer realm="api", error="insufficient_scope"${scope === undefined ? '' : `, scope="${scope}"`}`,
});
const bearer = (claims: Record<string, unknown>) => ({ Authorization: `Bearer ${makeJwt(claims)}` });

describe('RFC 6750 insufficient_scope', () => {
  it('names the scopes the token lacks, quotes its own, and says which to request', () => {
    const [c, ...rest] = run({
      requestHeaders: bearer({ sub: 'u1', scope: 'orders:read profile' }),
      responseHeaders: challenge('orders:read orders:write admin'),
    });
    expect(rest).toEqual([]);
    expect(c!.id).toBe('permission.insufficient_scope');
    expect(c!.title).toBe('The token lacks the scope "orders:write", "admin"');
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus5);
    expect(c!.summary).toBe(
      'The server accepted who the caller is but the token was not granted enough: error="insufficient_scope" ' +
        'with scope="orders:read orders:write admin". The token\'s scopes: orders:read profile.',
    );
    expect(c!.evidence.map((e) => e.where)).toEqual(['response.header', 'token', 'response.status']);
    expect(c!.fixes[1]).toBe('Check the API or app registration grants that scope to this client.');
    expect(c!.fixes[0]).toBe(
      'Request "orders:write", "admin" when obtaining the token (authorization request `scope` parameter), and have the user consent to it.',
    );
  });

  it('a token that already has every named scope: the server may read another claim; less sure', () => {
    const [c] = run({ requestHeaders: bearer({ scp: ['User.Read'] }), responseHeaders: challenge('User.Read') });
    expect(c!.title).toBe('The server wants scope "User.Read", which the token seems to have');
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus20);
    expect(c!.summary).toMatch(/The scope names match, so the server may read another claim \(scp, roles\)/);
    expect(c!.fixes[0]).toMatch(/^Request the required scope when obtaining the token/);
  });

  it('a token without scopes is said to have none', () => {
    const [c] = run({ requestHeaders: bearer({ sub: 'u1' }), responseHeaders: challenge('read') });
    expect(c!.summary).toContain("The token's scopes: (none).");
    expect(c!.title).toBe('The token lacks the scope "read"');
  });

  it('an opaque token and no scope named: the plain reading, no claims evidence', () => {
    const [c] = run({ requestHeaders: { Authorization: 'Bearer mF_9.B5f-4.1JqM' }, responseHeaders: challenge() });
    expect(c!.title).toBe('The token lacks the scope this resource requires (error="insufficient_scope")');
    expect(c!.summary).toBe(
      'The server accepted who the caller is but the token was not granted enough: error="insufficient_scope".',
    );
    expect(c!.evidence.map((e) => e.where)).toEqual(['response.header', 'response.status']);
  });

  it('an opaque token with a scope named: that scope is missing as far as anyone can tell', () => {
    const [c] = run({
      requestHeaders: { Authorization: 'Bearer mF_9.B5f-4.1JqM' },
      responseHeaders: challenge('write'),
    });
    expect(c!.title).toBe('The token lacks the scope "write"');
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus5);
    expect(c!.summary).not.toContain("The token's scopes");
  });

  it("a JWT and no scope named: the plain reading, with the token's scopes", () => {
    const [c] = run({ requestHeaders: bearer({ scope: 'read' }), responseHeaders: challenge() });
    expect(c!.title).toBe('The token lacks the scope this resource requires (error="insufficient_scope")');
    expect(c!.confidence).toBe(CONFIDENCE.likelyPlus5);
    expect(c!.summary).toMatch(/The token's scopes: read\.$/);
  });

  it('a JWT in a cookie, the only one, is the token read', () => {
    const [c] = run({
      requestHeaders: { Cookie: `at=${makeJwt({ scope: 'write' })}` },
      responseHeaders: challenge('write'),
    });
    expect(c!.title).toBe('The server wants scope "write", which the token seems to have');
  });

  it('the Authorization token is read before a JWT elsewhere', () => {
    const [c] = run({
      requestHeaders: { ...bearer({ scope: 'write' }), Cookie: `id=${makeJwt({ scope: 'other' })}` },
      responseHeaders: challenge('write'),
    });
    expect(c!.title).toBe('The server wants scope "write", which the token seems to have');
  });

  it('another error code is not about scope', () => {
    expect(
      run({
        requestHeaders: bearer({}),
        responseHeaders: { Date: DATE, 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      }),
    ).toEqual([]);
  });

  it('only on 400, 401, 403 and 404', () => {
    for (const status of [400, 401, 403, 404]) expect(run({ status, responseHeaders: challenge('a') })).toHaveLength(1);
    for (const status of [405, 429, 500]) expect(run({ status, responseHeaders: challenge('a') })).toEqual([]);
  });
});

describe("GitHub's granted and accepted OAuth scopes", () => {
  const gh = (granted: string | undefined, accepted: string | undefined, status = 403) =>
    run({
      status,
      requestHeaders: { Authorization: 'token gho_16C7e42F292c6912E7710c838347Ae178B4a' },
      responseHeaders: {
        Date: DATE,
        ...(granted === undefined ? {} : { 'X-OAuth-Scopes': granted }),
        ...(accepted === undefined ? {} : { 'X-Accepted-OAuth-Scopes': accepted }),
      },
    });

  it('none accepted was granted: names the one needed, both headers quoted', () => {
    const [c] = gh('gist, read:user', 'repo');
    expect(c!.id).toBe('permission.insufficient_scope');
    expect(c!.title).toBe('The token lacks the scope "repo"');
    expect(c!.summary).toBe(
      "The server lists the scopes this action accepts in X-Accepted-OAuth-Scopes and the token's scopes in " +
        'X-OAuth-Scopes; none of the accepted ones was granted (token has: gist, read:user).',
    );
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus22);
    expect(c!.summary).toContain('(token has: gist, read:user).');
    expect(c!.evidence).toEqual([
      { where: 'response.header', name: 'x-accepted-oauth-scopes', detail: 'X-Accepted-OAuth-Scopes: repo' },
      { where: 'response.header', name: 'x-oauth-scopes', detail: 'X-OAuth-Scopes: gist, read:user' },
      { where: 'response.status', detail: '403' },
    ]);
    expect(c!.fixes).toEqual(['Create or re-authorise the token with "repo".']);
  });

  it('several accepted: "one of" them, the first advised; a token with no scopes says so', () => {
    const [c] = gh('', 'admin:org, write:org, read:org');
    expect(c!.title).toBe('The token lacks the scope (one of "admin:org", "write:org", "read:org")');
    expect(c!.summary).toContain('(token has: no scopes).');
    expect(c!.fixes).toEqual(['Create or re-authorise the token with "admin:org".']);
  });

  it.each([
    ['repo', 'repo:status'],
    ['repo', 'public_repo'],
    ['repo', 'repo_deployment'],
    ['repo', 'security_events'],
    ['admin:org', 'write:org'],
    ['admin:org', 'read:org'],
    ['write:org', 'read:org'],
    ['admin:public_key', 'read:public_key'],
    ['user', 'read:user'],
    ['user', 'user:email'],
    ['read:org', 'read:org'],
  ])('granted %s covers %s: nothing to say', (granted, accepted) => {
    expect(gh(granted, accepted)).toEqual([]);
  });

  it.each([
    ['public_repo', 'repo'],
    ['read:org', 'write:org'],
    ['write:org', 'admin:org'],
    ['admin:org', 'read:public_key'],
    ['admin:org', 'admin:org_hook'],
    ['user', 'repo'],
    ['gist', 'read:gist'],
    ['repo:status', 'repo'],
    ['repo', 'admin:org'],
    ['gist', 'user:email'],
    ['gist', 'read:user'],
  ])('granted %s does not cover %s', (granted, accepted) => {
    expect(gh(granted, accepted)).toHaveLength(1);
  });

  it('any one accepted scope granted is enough', () => {
    expect(gh('read:org', 'admin:org, write:org, read:org')).toEqual([]);
  });

  it('lists at most 30 accepted scopes', () => {
    const many = Array.from({ length: 31 }, (_, i) => `scope${i + 1}`).join(', ');
    const [c] = gh('gist', many);
    expect(c!.title).toContain('"scope30")');
    expect(c!.title).not.toContain('scope31');
  });

  it('needs both headers, something accepted, and a 403 or 404', () => {
    expect(gh(undefined, 'repo')).toEqual([]);
    expect(gh('gist', undefined)).toEqual([]);
    expect(gh('gist', '')).toEqual([]);
    expect(gh('gist', 'repo', 404)).toHaveLength(1);
    expect(gh('gist', 'repo', 401)).toEqual([]);
  });
});

describe("GitHub's fine-grained permissions", () => {
  const fine = (status = 403, auth = true, needed: string | undefined = 'contents=read') =>
    run({
      status,
      requestHeaders: auth ? { Authorization: 'Bearer github_pat_11ABCDEFG0123456789_abcdef' } : {},
      responseHeaders: { Date: DATE, ...(needed === undefined ? {} : { 'X-Accepted-GitHub-Permissions': needed }) },
    });

  it('names the permission the endpoint requires', () => {
    const [c] = fine();
    expect(c!.id).toBe('permission.insufficient_scope');
    expect(c!.title).toBe('The token may lack the permission contents=read');
    expect(c!.summary).toBe(
      'The response names the fine-grained permission this endpoint requires (X-Accepted-GitHub-Permissions); ' +
        'a token or GitHub App without it gets 403.',
    );
    expect(c!.fixes).toEqual([
      'Grant the listed permission to the fine-grained token or GitHub App (and re-approve the installation), then retry.',
    ]);
    expect(c!.confidence).toBe(CONFIDENCE.possiblePlus10);
    expect(c!.evidence[0]).toEqual({
      where: 'response.header',
      name: 'x-accepted-github-permissions',
      detail: 'X-Accepted-GitHub-Permissions: contents=read',
    });
  });

  it('only for a 403 to a request that carried a token', () => {
    expect(fine(404)).toEqual([]);
    expect(fine(403, false)).toEqual([]);
    expect(fine(403, true, '')).toEqual([]);
  });
});
