// A vendor signature that holds only when the request carried (or lacked) an Authorization header
// says so in its evidence, where the user looks for it: the request's authorization header.
// API Gateway's "Missing Authentication Token" (https://repost.aws/knowledge-center/api-gateway-authentication-token-errors)
// reads as a wrong route when the call was signed and as a missing token when it was not.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { makeHar, type EntrySpec } from '../../support/har';

const API = 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items';
const MISSING = '{"message":"Missing Authentication Token"}';
const SIGNED =
  'AWS4-HMAC-SHA256 Credential=AKIA/20261121/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=' +
  'f'.repeat(64);

const evidenceOf = (spec: EntrySpec, id: string) =>
  diagnose(makeHar([spec]), { all: true })[0]!.causes.find((c) => c.id === id)!.evidence;

describe('the evidence of a signature that requires an Authorization header', () => {
  it('a signed call read as a wrong route cites its Authorization header, masked', () => {
    const ev = evidenceOf(
      { url: API, status: 403, body: MISSING, requestHeaders: { Authorization: SIGNED } },
      'route.not_found',
    );
    const auth = ev.filter((e) => e.where === 'request.header');
    expect(auth).toHaveLength(1);
    expect(auth[0]!.name).toBe('authorization');
    expect(auth[0]!.detail).toMatch(/^Authorization: AWS4-HMAC-SHA256 /);
    expect(auth[0]!.detail).not.toContain('f'.repeat(64));
  });

  it('an unsigned call read as a missing token says no Authorization header was sent, at the same place', () => {
    const ev = evidenceOf({ url: API, status: 403, body: MISSING }, 'auth.missing');
    expect(ev).toContainEqual({
      where: 'request.header',
      name: 'authorization',
      detail: 'no Authorization header or signed query sent',
    });
  });
});
