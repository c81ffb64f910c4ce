import { describe, expect, it } from 'vitest';
import { basicParts, basicUser } from '../../../lib/redact/basic';
import { Vault, describeSecret, redactUrl, displayText } from '../../../lib/redact';

// A Basic credential's user is shown (the reader's first question: "right account?") unless it is
// the key itself: an issuer's prefix at its start, a JWT, or a long run with letters and digits and
// no `@` or space; or the password is a documented filler (the user then carries the secret).
const b64 = (user: string, password: string) => Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
const shown = (user: string, password = 'correct horse') => basicUser(b64(user, password))?.user === user;

describe('which Basic user names are shown', () => {
  it('hides a user that starts with an issuer prefix, however short', () => {
    for (const user of [
      'sk_live_ab',
      'rk_test_ab',
      'pk_live_ab',
      'ghp_ab',
      'gho_ab',
      'ghu_ab',
      'ghs_ab',
      'ghr_ab',
      'github_pat_ab',
      'glpat-ab',
      'xoxb-ab',
      'xoxp-ab',
      'eyJhbGci',
      'AKIAAB',
      'ASIAAB',
      'hf_ab',
      'npm_ab',
    ])
      expect(shown(user), user).toBe(false);
  });

  it('shows a user that only contains such a prefix further in', () => {
    for (const user of [
      'my-sk_live_',
      'ops_ghp_',
      'bob_github_pat_',
      'team-glpat-',
      'max-xoxb-',
      'heyJo',
      'teamAKIA',
      'EURASIA',
      'chf_ops',
      'xnpm_',
    ])
      expect(shown(user), user).toBe(true);
    // `xox` takes a letter before its dash in Slack's prefixes; a digit makes no token.
    expect(shown('xox1-ab')).toBe(true);
  });

  it('hides a long run of letters and digits from 16 characters on, not before', () => {
    expect(shown('a1b2c3d4e5f6g7h')).toBe(true); // 15
    expect(shown('a1b2c3d4e5f6g7h8')).toBe(false); // 16
    expect(shown('a1b2c3d4e5f6g7h8i9j0')).toBe(false);
  });

  it('needs both letters and digits for a long run to be a key', () => {
    expect(shown('abcdefghijklmnopqrst')).toBe(true);
    expect(shown('12345678901234567890')).toBe(true);
    expect(shown('1234567890123456789a')).toBe(false);
    expect(shown('a1234567890123456789')).toBe(false);
  });

  it('shows a long user with an @ or a space (an e-mail address, a display name)', () => {
    expect(shown('alice.smith2024@example.com')).toBe(true);
    expect(shown('Alice Smith 2024 ops team')).toBe(true);
    expect(shown('alicesmith2024examplecom')).toBe(false);
  });

  it('hides the user when the password is a documented filler, and only then', () => {
    for (const filler of ['', 'x', 'X', 'x-oauth-basic', 'api', 'apikey', 'api_key', 'token'])
      expect(shown('alice', filler), JSON.stringify(filler)).toBe(false);
    for (const real of ['xx', 'Token', 'api-key', ' x']) expect(shown('alice', real), JSON.stringify(real)).toBe(true);
  });

  it('counts the lengths in characters, not UTF-16 units', () => {
    expect(basicUser(b64('zoë😀', '🔑ab'))).toEqual({ user: 'zoë😀', userLength: 4, passwordLength: 3 });
    expect(basicUser(b64('sk_live_😀', '🔑'))).toEqual({ user: null, userLength: 9, passwordLength: 1 });
  });

  it('reads only a bare base64 token, surrounding white space aside', () => {
    const token = b64('alice', 'pw');
    expect(token.endsWith('=') && !token.endsWith('==')).toBe(true);
    expect(basicParts(`  ${token}\t`)).toEqual({ user: 'alice', password: 'pw', userShown: true });
    expect(basicParts(`${token.slice(0, 4)} ${token.slice(4)}`)).toBeNull();
    expect(basicParts(`${token}==`)).toBeNull(); // three pads (the token has one)
    expect(basicParts(`-${token}`)).toBeNull();
    expect(basicParts(Buffer.from('alice').toString('base64'))).toBeNull(); // no colon
  });
});

describe('a URL userinfo follows the same rule', () => {
  it('keeps a plain user and hides a key-shaped one beside the same password', () => {
    const kept = displayText(redactUrl('https://alice:hunter22@example.com/', new Vault()));
    expect(kept).toContain('alice:');
    expect(kept).not.toContain('hunter22');
    const key = displayText(redactUrl('https://a1b2c3d4e5f6g7h8:hunter22@example.com/', new Vault()));
    expect(key).not.toContain('a1b2c3d4e5f6g7h8');
    expect(key).not.toContain('hunter22');
  });

  it('names a key-shaped Basic user as hidden in the secrets list', () => {
    expect(describeSecret(`Basic ${b64('alice', 'pw12')}`, 'basic').note).toContain('user "alice"');
    expect(describeSecret(`Basic ${b64('a1b2c3d4e5f6g7h8', 'pw12')}`, 'basic').note).toContain('user name is a key');
  });
});
