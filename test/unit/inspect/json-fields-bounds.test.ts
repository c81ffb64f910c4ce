// The bounds of what an error body's fields may hold before the readers take them as a code or a
// message (lib/inspect/json-fields.ts), stated through readJsonError on the documented shapes:
// a code is one short line, a message is clipped, a list is capped. A hostile body can send any
// of these, and the evidence the user reads must stay a code and a sentence.
import { describe, expect, it } from 'vitest';
import { readJsonError } from '../../../lib/inspect/structured-error';

const read = (body: unknown) => readJsonError(body as never);

describe('a code', () => {
  // Microsoft Graph: {"error":{"code":"Authorization_RequestDenied","message":…}}
  // (https://learn.microsoft.com/en-us/graph/errors#json-representation).
  const graph = (c: unknown) => read({ error: { code: c, message: 'Insufficient privileges.' } });

  it('is at most 120 characters, on one line', () => {
    expect(graph('A'.repeat(120))[0]).toMatchObject({ family: 'odata', code: 'A'.repeat(120) });
    expect(graph('A'.repeat(121)).map((e) => e.family)).toEqual(['message']);
    expect(graph('Authorization\nRequestDenied').map((e) => e.family)).toEqual(['message']);
    expect(graph('Authorization\rRequestDenied').map((e) => e.family)).toEqual(['message']);
  });

  it('is trimmed, and blank is none', () => {
    expect(graph('  Authorization_RequestDenied \t')[0]?.code).toBe('Authorization_RequestDenied');
    expect(graph('   ').map((e) => e.family)).toEqual(['message']);
  });

  it('is a whole number or a string, nothing else', () => {
    // Facebook Graph API: {"error":{"message":…,"type":"OAuthException","code":190}}
    // (https://developers.facebook.com/docs/graph-api/guides/error-handling/).
    expect(graph(190)[0]?.code).toBe('190');
    expect(graph(0)[0]?.code).toBe('0');
    expect(graph(190.5).map((e) => e.family)).toEqual(['message']);
    expect(graph(true).map((e) => e.family)).toEqual(['message']);
  });
});

describe('a message', () => {
  const oauth = (m: unknown) => read({ error: 'invalid_grant', error_description: m })[0]!;

  it('is trimmed and clipped to 600 characters', () => {
    expect(oauth('  Token expired.\n').message).toBe('Token expired.');
    expect(oauth('x'.repeat(600)).message).toHaveLength(600);
    expect(oauth(`${'x'.repeat(600)}TAIL`).message).toBe('x'.repeat(600));
  });

  it('blank, or not text, is none', () => {
    expect(oauth('  ')).toEqual({ family: 'oauth', code: 'invalid_grant', at: '/error' });
    expect(oauth(42)).toEqual({ family: 'oauth', code: 'invalid_grant', at: '/error' });
    expect(oauth(['Token expired.'])).toEqual({ family: 'oauth', code: 'invalid_grant', at: '/error' });
  });

  it("is read from OData v3's {lang, value} object", () => {
    // https://www.odata.org/documentation/odata-version-3-0/json-verbose-format/#errorresponses
    expect(oauth({ lang: 'en-US', value: ' Token expired. ' }).message).toBe('Token expired.');
    expect(oauth({ lang: 'en-US', value: 7 }).message).toBeUndefined();
  });
});

describe('a list', () => {
  it('is read up to its 20th item', () => {
    // JSON:API (https://jsonapi.org/format/#error-objects): one error object per problem.
    const errors = Array.from({ length: 25 }, (_, i) => ({ status: '403', code: `denied_${i}`, title: 'Forbidden' }));
    const found = read({ errors }).filter((e) => e.at.endsWith('/code'));
    expect(found).toHaveLength(20);
    expect(found.at(-1)?.code).toBe('denied_19');
  });
});

describe('an empty code', () => {
  it('stands only with a message, since then the words are the statement', () => {
    // GraphQL: an error with no code keeps its words (https://spec.graphql.org/October2021/#sec-Errors).
    expect(read({ errors: [{ message: 'Not authorised', path: ['me'] }] })).toEqual([
      { family: 'graphql', code: '', at: '/errors/0/message', message: 'Not authorised' },
    ]);
    expect(read({ errors: [{ message: ' ', path: ['me'] }] })).toEqual([]);
  });
});
