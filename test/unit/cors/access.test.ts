import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../../lib/cors';
import { HeaderList } from '../../../lib/model/headers';
import { headerList } from '../../support/har';

const O = 'https://app.example.com';
const res = (h: Record<string, string | string[]>) => new HeaderList(headerList(h));
const kind = (h: Record<string, string | string[]>, credentialed = false, origin: string | null = O) =>
  checkAccess(res(h), origin, credentialed, 'response')?.kind ?? 'ok';

describe('checkAccess (Fetch CORS check, Chromium order)', () => {
  it('passes an exact origin and `*` without credentials', () => {
    expect(kind({ 'Access-Control-Allow-Origin': O })).toBe('ok');
    expect(kind({ 'access-control-allow-origin': '*' })).toBe('ok');
    expect(kind({ 'Access-Control-Allow-Origin': `  ${O} ` })).toBe('ok');
  });

  it('reports a missing header', () => {
    expect(kind({})).toBe('missing_allow_origin');
    expect(kind({ 'Content-Type': 'application/json' })).toBe('missing_allow_origin');
  });

  it('reports several values: repeated header, comma list, space list', () => {
    expect(kind({ 'Access-Control-Allow-Origin': [O, O] })).toBe('multiple_allow_origin');
    expect(kind({ 'Access-Control-Allow-Origin': ['*', O] })).toBe('multiple_allow_origin');
    expect(kind({ 'Access-Control-Allow-Origin': `${O}, https://admin.example.com` })).toBe('multiple_allow_origin');
    expect(kind({ 'Access-Control-Allow-Origin': `https://admin.example.com ${O}` })).toBe('multiple_allow_origin');
  });

  it('reports a mismatch for another origin, a trailing slash, another scheme or case, "null" and invalid values', () => {
    expect(kind({ 'Access-Control-Allow-Origin': 'https://other.example.com' })).toBe('allow_origin_mismatch');
    expect(kind({ 'Access-Control-Allow-Origin': `${O}/` })).toBe('allow_origin_mismatch');
    expect(kind({ 'Access-Control-Allow-Origin': 'http://app.example.com' })).toBe('allow_origin_mismatch');
    expect(kind({ 'Access-Control-Allow-Origin': 'https://APP.example.com' })).toBe('allow_origin_mismatch');
    expect(kind({ 'Access-Control-Allow-Origin': 'null' })).toBe('allow_origin_mismatch');
    expect(kind({ 'Access-Control-Allow-Origin': 'app.example.com' })).toBe('allow_origin_mismatch');
    expect(kind({ 'Access-Control-Allow-Origin': '' })).toBe('allow_origin_mismatch');
    expect(
      checkAccess(res({ 'Access-Control-Allow-Origin': 'app.example.com' }), O, false, 'response')?.message,
    ).toContain('invalid value');
  });

  it('matches the opaque origin "null" literally', () => {
    expect(kind({ 'Access-Control-Allow-Origin': 'null' }, false, 'null')).toBe('ok');
    expect(kind({ 'Access-Control-Allow-Origin': O }, false, 'null')).toBe('allow_origin_mismatch');
  });

  it('skips the comparison when the page origin is unknown', () => {
    expect(kind({ 'Access-Control-Allow-Origin': 'https://x.example' }, false, null)).toBe('ok');
    expect(kind({}, false, null)).toBe('missing_allow_origin');
  });

  it('refuses `*` for credentialed requests before looking at ACAC', () => {
    expect(kind({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }, true)).toBe(
      'wildcard_with_credentials',
    );
  });

  it('requires ACAC exactly `true` for credentialed requests', () => {
    expect(kind({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Credentials': 'true' }, true)).toBe('ok');
    expect(kind({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Credentials': ' true ' }, true)).toBe('ok');
    expect(kind({ 'Access-Control-Allow-Origin': O }, true)).toBe('invalid_allow_credentials');
    expect(kind({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Credentials': 'True' }, true)).toBe(
      'invalid_allow_credentials',
    );
    expect(kind({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Credentials': ['true', 'true'] }, true)).toBe(
      'invalid_allow_credentials',
    );
    expect(kind({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Credentials': '' }, true)).toBe(
      'invalid_allow_credentials',
    );
    expect(kind({ 'Access-Control-Allow-Origin': O }, false)).toBe('ok');
    // The value quoted is null when the header is absent, and what was received when empty.
    expect(checkAccess(res({ 'Access-Control-Allow-Origin': O }), O, true, 'response')?.value).toBeNull();
    expect(
      checkAccess(
        res({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Credentials': '' }),
        O,
        true,
        'response',
      )?.value,
    ).toBe('');
  });

  it("words failures as Chrome's console does, with the preflight prefix on preflights", () => {
    const f = checkAccess(res({}), O, false, 'preflight');
    expect(f?.message).toBe(
      "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' " +
        'header is present on the requested resource.',
    );
    expect(checkAccess(res({ 'Access-Control-Allow-Origin': [O, O] }), O, false, 'response')?.value).toBe(`${O}, ${O}`);
  });
});
