import { describe, expect, it } from 'vitest';
import { diagnose, whySentence, type EntryDiagnosis } from '../../../lib';
import { makeHar } from '../../support/har';
import { makeJwt, sec } from '../inspect/support';

// The sentence is read from real diagnoses, not hand-made causes: what the rules say is what it says.
const API = 'https://api.example.com/v1/orders';

function diagnosed(entries: Parameters<typeof makeHar>[0]): EntryDiagnosis {
  const ds = diagnose(makeHar(entries), { all: true });
  return ds[ds.length - 1]!;
}

describe('whySentence: the answer before the evidence', () => {
  it('an expired bearer token: how long before this request, and what the server did', () => {
    const token = makeJwt({ sub: 'u', iat: sec('2026-11-21T09:00:00Z'), exp: sec('2026-11-21T10:00:00Z') });
    const d = diagnosed([
      {
        url: API,
        status: 401,
        requestHeaders: { Authorization: `Bearer ${token}` },
        responseHeaders: { Date: 'Sat, 21 Nov 2026 12:00:00 GMT' },
      },
    ]);
    expect(d.causes[0]!.id).toBe('auth.token_expired');
    expect(whySentence(d)).toBe('The bearer token expired 2 h before this request, so the server refused it with 401.');
  });

  it('a CORS block says the browser kept the answer from the page, not that the server refused', () => {
    const d = diagnosed([
      {
        method: 'GET',
        url: API,
        status: 200,
        requestHeaders: { Origin: 'https://app.example.com' },
        responseHeaders: { 'Content-Type': 'application/json' },
        error: 'net::ERR_FAILED',
      },
    ]);
    expect(d.causes[0]!.id).toMatch(/^cors\./);
    const s = whySentence(d);
    expect(s).toMatch(/so the browser (kept the server's 200 answer from the page|stopped the request)/);
    expect(s).not.toContain('server refused');
  });

  it('a title that already says the outcome gets only the status', () => {
    const d = diagnosed([
      {
        url: API,
        status: 401,
        requestHeaders: { Authorization: 'Bearer opaque-token-1234567' },
        responseHeaders: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      },
    ]);
    const s = whySentence(d);
    expect(s).toMatch(/^[A-Z].*\.$/);
    expect(s.split(/\.\s/)).toHaveLength(1);
    expect(s).toContain('401');
  });

  it('a refusal inside a 200 (GraphQL, gRPC-web) does not read as "refused it with 200"', () => {
    const d = diagnosed([
      {
        method: 'POST',
        url: 'https://api.example.com/graphql',
        status: 200,
        requestHeaders: { 'Content-Type': 'application/json' },
        requestBody: '{"query":"{ me { id } }"}',
        responseHeaders: { 'Content-Type': 'application/json' },
        body: '{"errors":[{"message":"Unauthenticated","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}',
      },
    ]);
    expect(d.flagged).toBe(true);
    expect(whySentence(d)).not.toMatch(/with 200/);
  });

  it('says plainly when nothing was refused or no rule knows why', () => {
    expect(whySentence(diagnosed([{ url: API, status: 200 }]))).toBe(
      'Nothing refused this request: the server answered 200.',
    );
    const unknown: EntryDiagnosis = {
      index: 0,
      method: 'GET',
      url: API,
      status: 403,
      flagged: true,
      cors: false,
      causes: [
        {
          id: 'unknown',
          confidence: 0.1,
          title: 'No rule explains this refusal',
          summary: '',
          evidence: [],
          fixes: [],
        },
      ],
    };
    expect(whySentence(unknown)).toBe(
      'No rule explains why this request was refused (403); the evidence lists what was checked.',
    );
  });

  it('hedges a reading that rests on the status alone', () => {
    const d = diagnosed([{ url: API, status: 403 }]);
    expect(d.causes[0]!.confidence).toBeLessThan(0.6);
    expect(whySentence(d)).toMatch(/^Probably: /);
  });

  it('names the status once when the title already names it', () => {
    const d = diagnosed([{ url: API, status: 403 }]);
    expect(d.causes[0]!.title).toMatch(/\b403\b/);
    expect(whySentence(d).match(/\b403\b/g)).toHaveLength(1);
  });
});
