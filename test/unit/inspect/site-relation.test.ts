import { describe, expect, it } from 'vitest';
import { registrableDomain, siteOf, siteRelation } from '../../../lib/inspect/site';

// "Same site" as SameSite cookies and Sec-Fetch-Site mean it (HTML "same site": scheme and
// registrable domain, https://html.spec.whatwg.org/multipage/browsers.html#same-site).

describe('registrableDomain', () => {
  it('keeps an IP address, v4 or v6, and a single label as their own site', () => {
    expect(registrableDomain('192.168.1.20')).toBe('192.168.1.20');
    expect(registrableDomain('[2001:db8::1]')).toBe('[2001:db8::1]');
    expect(registrableDomain('intranet')).toBe('intranet');
    expect(registrableDomain('intranet.')).toBe('intranet');
  });
});

describe('siteOf', () => {
  it('reads a URL object as well as a string, and only http(s)', () => {
    expect(siteOf(new URL('https://a.b.example.co.uk:8443/x'))).toBe('https://example.co.uk');
    expect(siteOf('wss://app.example.com/socket')).toBeNull();
    expect(siteOf('file:///etc/hosts')).toBeNull();
    expect(siteOf(null)).toBeNull();
  });
});

describe('siteRelation', () => {
  const api = new URL('https://api.example.com/v1');

  it("takes the browser's Sec-Fetch-Site in any case and spacing (Fetch Metadata §2.4)", () => {
    expect(siteRelation(' Same-Site ', null, null)).toEqual({ relation: 'same-site', from: 'sec-fetch-site' });
    expect(siteRelation('SAME-ORIGIN', null, null)).toEqual({ relation: 'same-origin', from: 'sec-fetch-site' });
    // "none": the user started it (address bar, bookmark): no other site was involved.
    expect(siteRelation('none', 'https://evil.test', api)).toEqual({ relation: 'same-origin', from: 'sec-fetch-site' });
  });

  it('falls back to the page origin for an unknown Sec-Fetch-Site value', () => {
    expect(siteRelation('sideways', 'https://app.example.com', api)).toEqual({ relation: 'same-site', from: 'origin' });
  });

  it('is cross-site across schemes: http and https of one domain are two sites (schemeful same-site)', () => {
    expect(siteRelation(undefined, 'http://app.example.com', api)).toEqual({ relation: 'cross-site', from: 'origin' });
    expect(siteRelation(undefined, 'https://api.example.com', api)).toEqual({
      relation: 'same-origin',
      from: 'origin',
    });
  });

  it('is unknown without a page origin or a URL', () => {
    expect(siteRelation(undefined, 'https://app.example.com', null)).toEqual({ relation: 'unknown', from: 'none' });
    expect(siteRelation('', null, api)).toEqual({ relation: 'unknown', from: 'none' });
  });
});
