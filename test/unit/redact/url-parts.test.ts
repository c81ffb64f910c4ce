// A URL redacted part by part (lib/redact/url.ts): the userinfo's secret half, secret query and
// fragment parameters, then anything secret-shaped; every other byte stays where it was, and each
// placeholder says which part of the URL it came from.
import { describe, expect, it } from 'vitest';
import { redactUrl, Vault } from '../../../lib/redact';
import { redactWith } from './refill';

/** The redacted URL as a HAR spells it, and what the vault says about each placeholder. */
function redacted(url: string, where?: string) {
  const { text, vault: v } = redactWith(url, 'URL', (v) =>
    where === undefined ? redactUrl(url, v) : redactUrl(url, v, where),
  );
  const secrets = v.list().map((s) => ({ name: s.name, kind: s.kind, places: s.places, value: v.valueOf(s.name) }));
  return { text, secrets };
}

describe('the userinfo of a URL', () => {
  it('a lone user (a token as user name, as GitHub takes it) is hidden whole, named as the URL user', () => {
    const r = redacted('https://Zq81mbRtv0c@github.com/o/r.git', 'request URL');
    expect(r.text).toBe('https://${WHY403_URL_USER}@github.com/o/r.git');
    expect(r.secrets).toEqual([
      { name: 'WHY403_URL_USER', kind: 'url', places: ['request URL userinfo'], value: 'Zq81mbRtv0c' },
    ]);
  });

  it('without a stated place, the report says "URL"', () => {
    expect(redacted('https://Zq81mbRtv0c@h.example/').secrets[0]!.places).toEqual(['URL userinfo']);
    expect(redacted('https://bob:pw-1@h.example/').secrets[0]!.places).toEqual(['URL password']);
  });

  it('user:password keeps the user (which account) and hides the password', () => {
    const r = redacted('https://alice:hunter2pass@db.example/x', 'request URL');
    expect(r.text).toBe('https://alice:${WHY403_URL_PASSWORD}@db.example/x');
    expect(r.secrets).toEqual([
      { name: 'WHY403_URL_PASSWORD', kind: 'url', places: ['request URL password'], value: 'hunter2pass' },
    ]);
  });

  it('a password holding "@" or ":" goes whole: the host starts after the last "@"', () => {
    const at = redacted('https://bob:p@ss@host.example/');
    expect(at.text).toBe('https://bob:${WHY403_URL_PASSWORD}@host.example/');
    expect(at.secrets[0]!.value).toBe('p@ss');
    const colons = redacted('https://bob:a:b:c@host.example/');
    expect(colons.text).toBe('https://bob:${WHY403_URL_PASSWORD}@host.example/');
    expect(colons.secrets[0]!.value).toBe('a:b:c');
  });

  it('a key as user name goes too, and is named as the URL user', () => {
    const key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    const r = redacted(`https://${key}:pw-2@api.stripe.com/v1`, 'request URL');
    expect(r.text).toBe('https://${WHY403_URL_USER}:${WHY403_URL_PASSWORD}@api.stripe.com/v1');
    expect(r.secrets).toEqual([
      { name: 'WHY403_URL_USER', kind: 'url', places: ['request URL user'], value: key },
      { name: 'WHY403_URL_PASSWORD', kind: 'url', places: ['request URL password'], value: 'pw-2' },
    ]);
  });

  it('a key as user name is recognised percent-encoded too', () => {
    const r = redacted('https://sk%5Flive%5F4eC39HqLyjWDarjtT1zdp7dc:pw-2@api.stripe.com/');
    expect(r.text).toBe('https://${WHY403_URL_USER}:${WHY403_URL_PASSWORD}@api.stripe.com/');
  });

  it('an empty password (curl -u key:) leaves the colon and hides the user', () => {
    const r = redacted('https://sk_test_4eC39HqLyjWDarjtT1zdp7dc:@api.stripe.com/');
    expect(r.text).toBe('https://${WHY403_URL_USER}:@api.stripe.com/');
    expect(r.secrets.map((s) => s.name)).toEqual(['WHY403_URL_USER']);
  });

  it('a documented filler password (x-oauth-basic, even percent-encoded) means the user is the token', () => {
    for (const filler of ['x-oauth-basic', 'x%2Doauth%2Dbasic', 'x']) {
      const r = redacted(`https://plainname:${filler}@github.com/o/r`);
      expect(r.text, filler).toBe('https://${WHY403_URL_USER}:${WHY403_URL_PASSWORD}@github.com/o/r');
      expect(r.secrets[0]!.value, filler).toBe('plainname');
    }
  });

  it('a short ordinary user name with a real password is shown', () => {
    expect(redacted('ftp://anonymous:guest-pw@ftp.example/pub').text).toBe(
      'ftp://anonymous:${WHY403_URL_PASSWORD}@ftp.example/pub',
    );
  });

  it('an "@" in the path, query or fragment is not userinfo: nothing there is hidden', () => {
    for (const url of [
      'https://host.example/users/@me',
      'https://host.example/p?mail=a@b.example',
      'https://host.example/p#x@y',
      'https://host.example:8443/p',
    ])
      expect(redacted(url)).toEqual({ text: url, secrets: [] });
  });
});

describe('the query and the fragment of a URL', () => {
  it('a secret query parameter is hidden, named after the query parameter; the others stay', () => {
    const r = redacted('https://h.example/p?user=bob&access_token=abc123&x=1', 'request URL');
    expect(r.text).toBe('https://h.example/p?user=bob&access_token=${WHY403_QUERY_ACCESS_TOKEN}&x=1');
    expect(r.secrets).toEqual([
      {
        name: 'WHY403_QUERY_ACCESS_TOKEN',
        kind: 'query',
        places: ['request URL query access_token'],
        value: 'abc123',
      },
    ]);
  });

  it('a token in the fragment (OAuth implicit flow) is hidden, named after the fragment', () => {
    const r = redacted('https://app.example/cb#access_token=tok123&state=xyz', 'redirect URL');
    expect(r.text).toBe('https://app.example/cb#access_token=${WHY403_FRAGMENT_ACCESS_TOKEN}&state=xyz');
    expect(r.secrets).toEqual([
      {
        name: 'WHY403_FRAGMENT_ACCESS_TOKEN',
        kind: 'query',
        places: ['redirect URL fragment access_token'],
        value: 'tok123',
      },
    ]);
  });

  it('what follows "#" is the fragment even when it looks like a query, and "?" before it ends the path', () => {
    expect(redacted('https://h.example/p?a=1#token=zzz9').text).toBe(
      'https://h.example/p?a=1#token=${WHY403_FRAGMENT_TOKEN}',
    );
    expect(redacted('https://h.example/p#frag?token=zzz9').secrets.map((s) => s.value)).toEqual(['zzz9']);
  });

  it('a "?" or "#" with nothing after it, and a bare "#", are kept', () => {
    for (const url of ['https://h.example/p?', 'https://h.example/p#', 'https://h.example/p?#', 'https://h.example'])
      expect(redacted(url)).toEqual({ text: url, secrets: [] });
  });

  it('a URL without a scheme (a relative reference) still has its query redacted', () => {
    const r = redacted('/api/v1/items?api_key=k-123&page=2');
    expect(r.text).toBe('/api/v1/items?api_key=${WHY403_QUERY_API_KEY}&page=2');
  });

  it('a relative reference with an "@" keeps it: only an authority has userinfo', () => {
    expect(redacted('/mail/a@b.example?page=2')).toEqual({ text: '/mail/a@b.example?page=2', secrets: [] });
  });

  it('a secret-shaped token in the path is caught by the sweep', () => {
    const token = 'Xk9fQ2mZ7vB4nR8tL1wY6hJ3sD5gP0aC';
    const r = redacted(`https://h.example/files/${token}/raw`);
    expect(r.text).toBe('https://h.example/files/${WHY403_TOKEN}/raw');
  });
});

describe('a URL the decoding closure could not read whole', () => {
  it('leaves as the one placeholder of that text', () => {
    const v = new Vault();
    const url = 'https://h.example/p?q=' + 'a'.repeat(50);
    v.secret(url, { base: 'UNREAD', kind: 'unread', where: 'closure' });
    expect(redactUrl(url, v)).toEqual([{ ref: 'WHY403_UNREAD' }]);
    const secretQuery = 'https://h.example/p?token=t-1&q=' + 'b'.repeat(50);
    v.secret(secretQuery, { base: 'UNREAD', kind: 'unread', where: 'closure' });
    expect(redactUrl(secretQuery, v)).toEqual([{ ref: 'WHY403_UNREAD_2' }]);
  });
});
