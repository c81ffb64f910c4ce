import { describe, expect, it } from 'vitest';
import { oauthErrorOf, parseChallenges, readChallenges, showChallenge } from '../../../lib/inspect/www-authenticate';

describe('challenge lists as servers write them', () => {
  // RFC 9110 §5.6.1.2: "a recipient MUST parse and ignore a reasonable number of empty list elements".
  it('ignores empty list elements between params', () => {
    expect(parseChallenges('Bearer realm="example", , error="invalid_token",,')).toEqual([
      { scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token' } },
    ]);
    expect(parseChallenges('Bearer realm="a",, Basic realm="b"').map((c) => c.scheme)).toEqual(['Bearer', 'Basic']);
  });

  // RFC 9110 §5.6.6: optional whitespace (BWS) is allowed around "=" in auth-params.
  it('reads params with spaces around "=" and a tab after the scheme', () => {
    expect(parseChallenges('Bearer realm = "x" , error = "e"')[0]!.params).toEqual({ realm: 'x', error: 'e' });
    expect(parseChallenges('Bearer\trealm="x"')[0]!.params).toEqual({ realm: 'x' });
    expect(parseChallenges('Bearer realm=x\terror=y')[0]!.params).toEqual({ realm: 'x', error: 'y' });
  });

  // Unquoted values are cut at the comma and trimmed; a comma-less next param may have BWS too.
  it('trims unquoted values and finds a comma-less param written "name =value"', () => {
    expect(parseChallenges('Bearer error=invalid_token  ,  realm=x')[0]!.params).toEqual({
      error: 'invalid_token',
      realm: 'x',
    });
    expect(parseChallenges('Bearer error=invalid_token error_description =The token expired')[0]!.params).toEqual({
      error: 'invalid_token',
      error_description: 'The token expired',
    });
    expect(parseChallenges('Bearer error_description=x = y')[0]!.params).toEqual({ error_description: 'x = y' });
  });

  it('keeps an empty quoted value as empty, not missing', () => {
    expect(parseChallenges('Basic realm=""')[0]!.params).toEqual({ realm: '' });
  });

  // A token68 ends in "=" padding (RFC 9110 §11.2); "name=" at the end is such padding, not a param.
  it('reads "x=" and "x==" before a comma or the end as a token68', () => {
    expect(parseChallenges('Negotiate abc=, Basic realm="x"')).toEqual([
      { scheme: 'Negotiate', params: {}, token68: 'abc=' },
      { scheme: 'Basic', params: { realm: 'x' } },
    ]);
    expect(parseChallenges('Negotiate abc==')[0]!.token68).toBe('abc==');
    expect(parseChallenges('Bearer realm=,Basic')[1]!.scheme).toBe('Basic');
  });

  it('keeps "==" inside an unquoted value rather than starting a param there', () => {
    expect(parseChallenges('Bearer error=a b==c')[0]!.params).toEqual({ error: 'a b==c' });
  });

  it('keeps a trailing backslash of an unterminated quote', () => {
    expect(parseChallenges('Bearer realm="abc\\')[0]!.params.realm).toBe('abc\\');
  });

  // HAR writers sometimes join repeated headers with "\n"; a non-string from a broken HAR is skipped.
  it('reads each line of a joined value as its own challenge list', () => {
    expect(readChallenges(['Bearer realm="a"\nBasic realm="b"', 42 as unknown as string])).toEqual([
      { scheme: 'Bearer', params: { realm: 'a' } },
      { scheme: 'Basic', params: { realm: 'b' } },
    ]);
  });

  it('reads only the first 16 KiB of a value', () => {
    const long = `Bearer realm="x", error_description="${'a'.repeat(20 * 1024)}", error="invalid_token"`;
    const [c] = parseChallenges(long);
    expect(c!.params.error).toBeUndefined();
    expect(c!.params.error_description!.length).toBeLessThan(16 * 1024);
  });
});

describe('oauthErrorOf: DPoP and the error params', () => {
  // RFC 9449 §7.1 example challenge.
  it('reads a DPoP error challenge', () => {
    expect(
      oauthErrorOf(
        parseChallenges('DPoP error="invalid_dpop_proof", error_description="Invalid DPoP key binding", algs="ES256"'),
      ),
    ).toMatchObject({
      scheme: 'DPoP',
      error: 'invalid_dpop_proof',
      description: 'Invalid DPoP key binding',
      scope: [],
    });
    expect(oauthErrorOf(parseChallenges('Basic realm="x", DPoP algs="ES256"'))?.scheme).toBe('DPoP');
  });

  it('trims the error code, keeps error_uri, and splits the scope on any spacing', () => {
    expect(
      oauthErrorOf(
        parseChallenges('Bearer error=" invalid_token ", error_uri="https://x.example/doc", scope="  a   b "'),
      ),
    ).toMatchObject({ error: 'invalid_token', uri: 'https://x.example/doc', scope: ['a', 'b'] });
  });

  it('takes the challenge with an error over an earlier Bearer one', () => {
    expect(oauthErrorOf(readChallenges(['Bearer realm="a"', 'Custom error="invalid_key"']))).toMatchObject({
      scheme: 'Custom',
      error: 'invalid_key',
    });
  });

  it('matches the scheme name whole', () => {
    expect(oauthErrorOf(parseChallenges('Bearerish realm="x"'))).toBeNull();
    expect(oauthErrorOf(parseChallenges('XBearer realm="x"'))).toBeNull();
  });
});

describe('showChallenge', () => {
  it('shows a token68, a bare scheme, and clips values past 160 characters', () => {
    expect(showChallenge(parseChallenges('Negotiate abc==')[0]!)).toBe('Negotiate abc==');
    expect(showChallenge({ scheme: 'Bearer', params: {} })).toBe('Bearer');
    expect(showChallenge({ scheme: 'Bearer', params: { d: 'y'.repeat(160) } })).toBe(`Bearer d="${'y'.repeat(160)}"`);
    expect(showChallenge({ scheme: 'Bearer', params: { d: 'y'.repeat(161) } })).toBe(`Bearer d="${'y'.repeat(159)}…"`);
  });
});
