import { describe, expect, it } from 'vitest';
import { redactBody, redactedJwt, renderDoc, Vault, type Text } from '../../../lib/redact';

// A JWT in a redacted HAR keeps its diagnostic claims and loses its signature (spell.ts); every
// other document (reports, exports) and every other secret spell a plain `${NAME}`.
const b64u = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const JWT = `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u({ sub: 'user-1', exp: 1999999999, aud: 'api' })}.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc`;
const KEPT = `${b64u({ alg: 'HS256', typ: 'JWT' })}.${b64u({ exp: 1999999999, aud: 'api' })}`;

function held(value: string, kind: 'jwt' | 'token' | 'cookie' = 'token'): { v: Vault; t: Text; name: string } {
  const v = new Vault();
  const p = v.secret(value, { base: 'T', kind, where: 'test' });
  return { v, t: ['<', p, '>'], name: (p as { ref: string }).ref };
}

describe('a JWT in a redacted HAR', () => {
  it('keeps its claims and ends in the placeholder name', () => {
    const { v, t, name } = held(JWT);
    expect(renderDoc(t, v, true)).toBe(`<${KEPT}.${name}>`);
  });

  it('keeps the scheme it was learned with, as written', () => {
    for (const scheme of ['Bearer ', 'bearer\t', 'BEARER  ']) {
      const { v, t, name } = held(scheme + JWT);
      expect(renderDoc(t, v, true), JSON.stringify(scheme)).toBe(`<${scheme}${KEPT}.${name}>`);
    }
    expect(redactedJwt(`Bearer ${JWT}`, 'N')).toBe(`Bearer ${KEPT}.N`);
    expect(redactedJwt(`Token ${JWT}`, 'N')).toBeNull();
  });

  it('in a JSON field with its scheme keeps the word Bearer', () => {
    const v = new Vault();
    const t = redactBody(JSON.stringify({ authorization: `Bearer ${JWT}` }), 'application/json', v);
    expect(renderDoc(t, v, true)).toBe(`{"authorization":"Bearer ${KEPT}.WHY403_BODY_AUTHORIZATION"}`);
  });

  it('is a plain placeholder outside a HAR, and by default', () => {
    const { v, t, name } = held(JWT);
    expect(renderDoc(t, v, false)).toBe(`<\${${name}}>`);
    expect(renderDoc(t, v)).toBe(`<\${${name}}>`);
  });
});

describe('other secrets in a redacted HAR', () => {
  it('a value of kind jwt that is no JWT, or a plain token, is a plain placeholder', () => {
    for (const [value, kind] of [
      ['eyJnot.a.jwt', 'jwt'],
      ['tk-Alpha-4821-Beta', 'token'],
    ] as const) {
      const { v, t, name } = held(value, kind);
      expect(v.info(name)?.kind).toBe(kind);
      expect(renderDoc(t, v, true), value).toBe(`<\${${name}}>`);
    }
  });

  it('a name the vault never gave is a plain placeholder', () => {
    expect(renderDoc(['a', { ref: 'WHY403_ELSEWHERE' }], new Vault(), true)).toBe('a${WHY403_ELSEWHERE}');
  });
});
