// The status baseline (lib/diagnose/rules/fallback.ts) alone: the reading a user gets when no specific
// rule matched, so every refusal status has one, and it follows what the request carried.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib/diagnose/diagnose';
import { statusFallback } from '../../../../lib/diagnose/rules/fallback';
import { makeHar, type EntrySpec } from '../../../support/har';

const baseline = (spec: Partial<EntrySpec> & { status: number }) => {
  const d = diagnose(makeHar([{ url: 'https://api.example.com/v1/items', ...spec }]), {
    all: true,
    rules: [statusFallback],
  })[0]!;
  return d.causes;
};

describe('the status baseline', () => {
  it('401 with nothing sent: auth.missing, naming the Authorization header', () => {
    const [c] = baseline({ status: 401 });
    expect(c!.id).toBe('auth.missing');
    expect(c!.title).toBe('The server wants credentials and none were sent');
    expect(c!.summary).toContain('no Authorization header or API key');
  });

  it('401 with a token sent: auth.invalid, the server rejected it', () => {
    const [c] = baseline({ status: 401, requestHeaders: { Authorization: 'Bearer 0123456789abcdef0123' } });
    expect(c!.id).toBe('auth.invalid');
    expect(c!.title).toBe('The server rejected the credentials sent');
  });

  it('407 reads the proxy credential, not the server one', () => {
    const none = baseline({ status: 407, requestHeaders: { Authorization: 'Bearer 0123456789abcdef0123' } })[0]!;
    expect(none.id).toBe('auth.missing');
    expect(none.title).toBe('The proxy wants credentials and none were sent');
    expect(none.summary).toContain('no Proxy-Authorization');
    const sent = baseline({ status: 407, requestHeaders: { 'Proxy-Authorization': 'Basic dTpw' } })[0]!;
    expect(sent.id).toBe('auth.invalid');
    expect(sent.title).toBe('The proxy rejected the credentials sent');
  });

  it('419 is CSRF, 429 a rate limit, 403 a permission; other statuses get no baseline', () => {
    expect(baseline({ status: 419 })[0]!.id).toBe('csrf.invalid');
    expect(baseline({ status: 429 })[0]!.id).toBe('rate_limit.exceeded');
    expect(baseline({ status: 403 }).map((c) => c.id)).toEqual(['permission.denied']);
    expect(baseline({ status: 400 })).toEqual([]);
    expect(baseline({ status: 404 })).toEqual([]);
  });
});
