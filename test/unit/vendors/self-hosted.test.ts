import { describe, expect, it } from 'vitest';
import { BEARER, diagnoseOne as one, sampleEntry, signatureIds } from '../../support/vendor-rows';
import type { EntrySpec } from '../../support/har';

// The rows of lib/vendors/self-hosted.ts: Kubernetes, Jenkins, WordPress, Gitea/Forgejo and Tyk refusals as their
// documentation shows them, read for the cause they name; their look-alikes stay with the other readings.
const sample = (id: string, over: Partial<EntrySpec> = {}): EntrySpec =>
  sampleEntry(id, 'https://gw.example.com/api/users', over);

describe('self-hosted platform signatures', () => {
  it.each([
    ['k8s.anonymous', 'auth.missing'],
    ['jenkins.crumb', 'csrf.invalid'],
    ['wordpress.cookie_nonce', 'csrf.invalid'],
    ['gitea.token_scope', 'permission.insufficient_scope'],
    ['appwrite.guest_scope', 'auth.missing'],
    ['echo.csrf_missing', 'csrf.invalid'],
    ['ory.kratos.csrf', 'csrf.invalid'],
    ['tyk.key_expired', 'api_key.expired'],
    ['tyk.disallowed', 'api_key.invalid'],
  ])('%s is the top cause: %s', (id, cause) => {
    expect(one(sample(id)).top).toBe(cause);
  });

  // https://kubernetes.io/docs/reference/access-authn-authz/rbac/: an authenticated user RBAC refuses is named.
  it('reads a named Kubernetes user refused by RBAC as a permission, not a missing credential', () => {
    const body =
      '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"secrets is forbidden: User ' +
      '\\"system:serviceaccount:default:default\\" cannot list resource \\"secrets\\" in API group \\"\\" in the ' +
      'namespace \\"default\\"","reason":"Forbidden","code":403}';
    const spec = sample('k8s.anonymous', { body, requestHeaders: BEARER });
    expect(signatureIds(spec)).not.toContain('k8s.anonymous');
    expect(one(spec).top).toBe('permission.denied');
  });

  // The kubelet's answer with anonymous auth on and Webhook authorization (the same identity, its own wording).
  it("reads the kubelet's plain-text refusal of system:anonymous", () => {
    const body = 'Forbidden (user=system:anonymous, verb=get, resource=nodes, subresource=proxy)';
    const spec = sample('k8s.anonymous', { url: 'https://10.0.0.5:10250/pods', body, mimeType: 'text/plain' });
    expect(one(spec).top).toBe('auth.missing');
  });

  // Tyk's 400 for a key it does not know (deleted from Redis), per its key-expiry page.
  it("flags Tyk's 400 for a deleted key", () => {
    const r = one(sample('tyk.disallowed', { status: 400 }));
    expect(r.d.flagged).toBe(true);
    expect(r.top).toBe('api_key.invalid');
  });

  it("leaves Tyk's wording to the missing-credential reading when nothing was sent", () => {
    expect(signatureIds(sample('tyk.disallowed', { requestHeaders: {} }))).not.toContain('tyk.disallowed');
  });

  // Appwrite names the role it ran the request as; a signed-in user's role is "users", and then the scope is the
  // reading (https://appwrite.io/docs/advanced/platform/permissions).
  it("reads Appwrite's missing scope of a signed-in user, and the 1.6 wording, by role", () => {
    const guests =
      '{"message":"User (role: guests) missing scopes ([\\"account\\"])","code":401,"type":"general_unauthorized_scope"}';
    expect(one(sample('appwrite.guest_scope', { body: guests })).top).toBe('auth.missing');
    const users =
      '{"message":"User (role: users) missing scopes ([\\"teams.write\\"])","code":401,"type":"general_unauthorized_scope"}';
    expect(signatureIds(sample('appwrite.guest_scope', { body: users }))).not.toContain('appwrite.guest_scope');
  });

  // Kratos before its 403 answered the same CSRF error with 400 (herodot.ErrBadRequest, x/nosurf.go).
  it("flags Kratos' older 400 CSRF answer, and leaves Echo's 400s without CSRF words alone", () => {
    expect(one(sample('ory.kratos.csrf', { status: 400 })).top).toBe('csrf.invalid');
    const bind = '{"message":"code=400, message=Syntax error: offset=1, error=invalid character"}';
    expect(one(sample('echo.csrf_missing', { body: bind })).d.flagged).toBe(false);
  });

  // Datadog answers a wrong key with 403 {"errors":["Forbidden"]}
  // (https://docs.datadoghq.com/api/latest/authentication/): the key in DD-API-KEY was sent, so nothing is "missing".
  it('counts a Datadog key header as a key sent', () => {
    const spec: EntrySpec = {
      url: 'https://api.datadoghq.com/api/v1/validate',
      status: 403,
      body: '{"errors":["Forbidden"]}',
      requestHeaders: { 'DD-API-KEY': '0123456789abcdef0123456789abcdef' },
    };
    expect(one(spec).ids).not.toContain('auth.missing');
    expect(one(spec).ids).not.toContain('api_key.missing');
  });

  it('does not read other WordPress REST refusals as CSRF', () => {
    const body =
      '{"code":"rest_cannot_create_user","message":"Sorry, you are not allowed to create new users.","data":{"status":403}}';
    expect(one(sample('wordpress.cookie_nonce', { body })).top).toBe('permission.denied');
  });
});
