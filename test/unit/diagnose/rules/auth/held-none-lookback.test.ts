// A client whose own sign-in was refused holds no credential (held-none.ts): "not authenticated" said to
// it afterwards is auth.missing. The sign-in is looked for among the session's recent calls to the same
// host only (50 of them), not a whole day's log: a sign-in refused long before says nothing of now.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar, type EntrySpec } from '../../../../support/har';

const host = 'https://app.example.com';
const signIn: EntrySpec = {
  url: `${host}/api/login`,
  method: 'POST',
  status: 401,
  requestMimeType: 'application/json',
  requestBody: '{"username":"ada","password":"wrong-password"}',
  responseHeaders: { 'Content-Type': 'application/json' },
  body: '{"code":"invalid_credentials","message":"Invalid credentials"}',
};
const page = (i: number): EntrySpec => ({ url: `${host}/static/chunk-${i}.js`, status: 200 });
const me: EntrySpec = {
  url: `${host}/api/me`,
  status: 401,
  responseHeaders: { 'Content-Type': 'application/json' },
  body: '{"message":"Not authenticated"}',
};

function topOfLast(between: number, first: EntrySpec = signIn) {
  const entries = [first, ...Array.from({ length: between }, (_, i) => page(i)), me];
  const har = makeHar(entries);
  har.log.creator = { name: 'WebInspector', version: '537.36' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!.causes[0]!;
}

describe('a refused sign-in, looked for among recent calls', () => {
  it('a few calls after it: the caller holds no credential, auth.missing, citing the sign-in', () => {
    const c = topOfLast(10);
    expect(c.id).toBe('auth.missing');
    expect(c.evidence.map((e) => e.detail).join('\n')).toMatch(/entry #0 \(POST \/api\/login\) was a sign-in refused/);
  });

  it('more than 50 same-host calls later: no longer read from it', () => {
    const c = topOfLast(60);
    expect(c.evidence.map((e) => e.detail).join('\n')).not.toMatch(/sign-in refused/);
  });

  it('a sign-in refused only in words, at a refusal status, counts too', () => {
    const worded = { ...signIn, body: '{"message":"Invalid credentials"}' };
    expect(topOfLast(3, worded).id).toBe('auth.missing');
  });
});
