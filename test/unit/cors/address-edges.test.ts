// The edges of each address range Local Network Access treats as private
// (https://wicg.github.io/local-network-access/#ip-address-space, RFC 1918, RFC 3927, RFC 4193,
// RFC 4291): the first and last address inside, and the neighbours just outside. A range moved
// by one makes a public server "local" (a false Local Network Access diagnosis) or hides a real one.
import { describe, expect, it } from 'vitest';
import { hostSpace, ipSpace, spaceCrossing } from '../../../lib/cors';
import { lnaBrowserFailure } from '../../../lib/cors/local-network';
import { ex } from './helpers';

describe('IPv4 ranges, at their edges', () => {
  it.each([
    ['126.255.255.255', 'public'],
    ['127.0.0.0', 'loopback'],
    ['127.255.255.255', 'loopback'],
    ['128.0.0.0', 'public'],
    ['0.0.0.0', 'loopback'],
    ['0.0.0.1', 'public'],
    ['0.1.0.0', 'public'],
    ['9.255.255.255', 'public'],
    ['10.0.0.0', 'local'],
    ['10.255.255.255', 'local'],
    ['11.0.0.0', 'public'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'local'],
    ['172.31.255.255', 'local'],
    ['172.32.0.0', 'public'],
    ['171.16.0.1', 'public'],
    ['173.16.0.1', 'public'],
    ['192.167.255.255', 'public'],
    ['192.168.0.0', 'local'],
    ['192.168.255.255', 'local'],
    ['192.169.0.0', 'public'],
    ['191.168.0.1', 'public'],
    ['169.253.255.255', 'public'],
    ['169.254.0.0', 'local'],
    ['169.255.0.0', 'public'],
    ['168.254.0.1', 'public'],
    ['255.255.255.255', 'public'],
  ])('%s is %s', (ip, space) => {
    expect(ipSpace(ip)).toBe(space);
  });

  it('is not an address with an octet over 255, fewer or more than four parts, or other text', () => {
    for (const s of ['256.0.0.1', '10.0.0.256', '10.0.0', '10.0.0.1.2', '1234.0.0.1', 'a10.0.0.1', '10.0.0.1x'])
      expect(ipSpace(s)).toBeNull();
    expect(ipSpace(null)).toBeNull();
    // Brackets only around the whole address are taken off.
    expect(ipSpace('1[0.0.0.1')).toBeNull();
    expect(ipSpace('10.0.0.1]0')).toBeNull();
    expect(ipSpace(undefined)).toBeNull();
  });

  it('reads an address with surrounding spaces or brackets', () => {
    expect(ipSpace(' 10.0.0.1 ')).toBe('local');
    expect(ipSpace('[::1]')).toBe('loopback');
    expect(ipSpace('[fe80::1]')).toBe('local');
  });
});

describe('IPv6 ranges, at their edges', () => {
  it.each([
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'loopback'],
    ['::2', 'public'],
    // fc00::/7: fc00 to fdff.
    ['fbff::1', 'public'],
    ['fc00::1', 'local'],
    ['FDFF:ffff::1', 'local'],
    ['fe00::1', 'public'],
    // fe80::/10: fe80 to febf.
    ['fe7f::1', 'public'],
    ['fe80::1', 'local'],
    ['FEBF::1', 'local'],
    ['fec0::1', 'public'],
    ['2001:db8::1', 'public'],
    // IPv4-mapped: the IPv4 address decides.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::FFFF:10.1.2.3', 'local'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:300.1.1.1', 'public'],
    // Not a mapped IPv4 address at all: never read as the private one it starts with.
    ['::ffff:10.0.0.1234', 'public'],
  ])('%s is %s', (ip, space) => {
    expect(ipSpace(ip)).toBe(space);
  });

  it('a prefix must be the first group, not text further in', () => {
    expect(ipSpace('2001:fc00::1')).toBe('public');
    expect(ipSpace('2001:fe80::1')).toBe('public');
    expect(ipSpace('1::ffff:10.0.0.1')).toBe('public');
  });
});

describe('host names', () => {
  it.each([
    ['LOCALHOST', 'loopback', true],
    ['localhost.', 'loopback', true],
    ['api.localhost', 'loopback', true],
    ['Printer.Local', 'local', true],
    ['printer.local.', 'local', true],
    ['10.0.0.1', 'local', true],
    ['127.0.0.1', 'loopback', true],
    ['[::1]', 'loopback', true],
    ['8.8.8.8', 'public', true],
    ['nas', 'local', false],
    ['db.internal', 'local', false],
    ['router.lan', 'local', false],
    ['nas.home.arpa', 'local', false],
    ['wiki.intranet', 'local', false],
    ['mail.corp', 'local', false],
    // The names above only as whole labels at the end.
    ['notlocalhost.example.com', 'public', false],
    ['localhost.example.com', 'public', false],
    ['local.example.com', 'public', false],
    ['mylocal.example', 'public', false],
    ['intranet.example.com', 'public', false],
    ['internal.example.com', 'public', false],
    ['db.internal.example.com', 'public', false],
    ['nas.lan.example.com', 'public', false],
    ['api.example.com', 'public', false],
  ])('%s is %s (certain: %s)', (host, space, certain) => {
    expect(hostSpace(host)).toEqual({ space, certain });
  });
});

describe('spaceCrossing: where the request went, and how sure that is', () => {
  // A page read from an IP literal is certainly public; one read from its name is a guess
  // (an intranet can name a private server anything).
  const PUBLIC_PAGE = 'https://203.0.113.7';
  const NAMED_PAGE = 'https://app.example.com';
  function crossing(url: string, origin: string | null, serverIPAddress?: string) {
    const x = ex({ url, status: 0 });
    if (serverIPAddress !== undefined) (x.entry as { serverIPAddress?: string }).serverIPAddress = serverIPAddress;
    return spaceCrossing(x, origin);
  }

  it('a public page calling an IP literal in a private range crossed, certainly', () => {
    expect(crossing('http://192.168.1.10/api', PUBLIC_PAGE)).toEqual({
      from: 'public',
      to: 'local',
      toFrom: 'hostname 192.168.1.10',
      certain: true,
    });
  });

  it('a named target is read from the server address when the name says nothing', () => {
    expect(crossing('https://nas.example.net/x', PUBLIC_PAGE, '10.0.0.8')).toEqual({
      from: 'public',
      to: 'local',
      toFrom: 'server address 10.0.0.8',
      certain: true,
    });
    // A name that says where it is wins over the address recorded.
    expect(crossing('http://localhost:8080/x', PUBLIC_PAGE, '8.8.8.8')).toMatchObject({
      to: 'loopback',
      toFrom: 'hostname localhost',
    });
  });

  it('a guessed intranet name is a crossing, but not a certain one', () => {
    expect(crossing('http://nas/x', PUBLIC_PAGE)).toEqual({
      from: 'public',
      to: 'local',
      toFrom: 'hostname nas (guessed)',
      certain: false,
    });
    // A page whose own space is a guess makes the crossing a guess too.
    expect(crossing('http://127.0.0.1/x', 'http://nas')).toMatchObject({ from: 'local', certain: false });
    expect(crossing('http://192.168.1.10/api', NAMED_PAGE)).toMatchObject({ from: 'public', certain: false });
  });

  it('no crossing for the same space, a less private one, or no page origin', () => {
    expect(crossing('https://api.example.net/x', PUBLIC_PAGE, '8.8.8.8')).toBeNull();
    expect(crossing('http://10.0.0.2/x', 'http://10.0.0.1')).toBeNull();
    expect(crossing('https://api.example.net/x', 'http://127.0.0.1:3000')).toBeNull();
    expect(crossing('http://10.0.0.2/x', null)).toBeNull();
    expect(crossing('http://10.0.0.2/x', 'null')).toBeNull();
    expect(crossing('http://10.0.0.2/x', 'not a url')).toBeNull();
    expect(crossing('not a url', PUBLIC_PAGE, '10.0.0.8')).toBeNull();
  });

  it('a server address that is not text is no evidence', () => {
    expect(crossing('https://api.example.net/x', PUBLIC_PAGE, 42 as unknown as string)).toBeNull();
    expect(crossing('http://nas/x', PUBLIC_PAGE, 42 as unknown as string)).toMatchObject({ certain: false });
  });

  it('Chrome’s own refusal names the space crossed into, local when unknown', () => {
    const x = ex({ url: 'http://127.0.0.1/x', status: 0, error: 'net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS' });
    const c = spaceCrossing(x, PUBLIC_PAGE);
    expect(lnaBrowserFailure(x, c)).toEqual({
      kind: 'local_network',
      stage: 'browser',
      value: 'net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS',
      message: 'Permission was denied for this request to access the `loopback` address space.',
    });
    expect(lnaBrowserFailure(x, null)?.message).toBe(
      'Permission was denied for this request to access the `local` address space.',
    );
    expect(lnaBrowserFailure(ex({ url: 'http://127.0.0.1/x', status: 0, error: 'net::ERR_FAILED' }), c)).toBeNull();
    expect(lnaBrowserFailure(ex({ url: 'http://127.0.0.1/x', status: 0 }), c)).toBeNull();
  });
});
