import { describe, expect, it } from 'vitest';
import { hostSpace, ipSpace, isMorePrivate } from '../../../lib/cors';

describe('address spaces (Local Network Access)', () => {
  it('classifies IPv4 literals', () => {
    expect(ipSpace('127.0.0.1')).toBe('loopback');
    expect(ipSpace('127.8.9.10')).toBe('loopback');
    expect(ipSpace('0.0.0.0')).toBe('loopback');
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254'])
      expect(ipSpace(ip)).toBe('local');
    for (const ip of ['172.32.0.1', '8.8.8.8', '100.64.0.1']) expect(ipSpace(ip)).toBe('public');
    expect(ipSpace('999.1.1.1')).toBeNull();
  });

  it('classifies IPv6 literals, bracketed or not, and IPv4-mapped ones', () => {
    expect(ipSpace('::1')).toBe('loopback');
    expect(ipSpace('[::1]')).toBe('loopback');
    expect(ipSpace('fd12:3456::1')).toBe('local');
    expect(ipSpace('fe80::1')).toBe('local');
    expect(ipSpace('fc::1')).toBe('public');
    expect(ipSpace('::ffff:192.168.0.1')).toBe('local');
    expect(ipSpace('2001:db8::1')).toBe('public');
    expect(ipSpace('')).toBeNull();
  });

  it('classifies names', () => {
    expect(hostSpace('localhost')).toEqual({ space: 'loopback', certain: true });
    expect(hostSpace('api.localhost')).toEqual({ space: 'loopback', certain: true });
    expect(hostSpace('printer.local')).toEqual({ space: 'local', certain: true });
    expect(hostSpace('intranet').space).toBe('local');
    expect(hostSpace('api.example.com')).toEqual({ space: 'public', certain: false });
  });

  it('orders loopback ⊂ local ⊂ public', () => {
    expect(isMorePrivate('public', 'local')).toBe(true);
    expect(isMorePrivate('public', 'loopback')).toBe(true);
    expect(isMorePrivate('local', 'loopback')).toBe(true);
    expect(isMorePrivate('loopback', 'loopback')).toBe(false);
    expect(isMorePrivate('loopback', 'public')).toBe(false);
  });
});
