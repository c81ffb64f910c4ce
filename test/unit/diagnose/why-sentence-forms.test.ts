import { describe, expect, it } from 'vitest';
import { whySentence, type EntryDiagnosis } from '../../../lib';
import type { Cause } from '../../../lib/core/causes';
import { CONFIDENCE } from '../../../lib/core/confidence';

// The one-sentence answer (lib/diagnose/why.ts) for each family of top cause and each kind of
// status, at its edges. The titles are ones the rules write (quoted from lib/diagnose/rules); the
// sentence depends only on the top cause and the status, so each case is a small diagnosis.

function d(status: number, top: Partial<Cause> & Pick<Cause, 'id' | 'title'>, flagged = true): EntryDiagnosis {
  const cause: Cause = { confidence: CONFIDENCE.likely, summary: '', evidence: [], fixes: [], ...top };
  return {
    index: 0,
    method: 'GET',
    url: 'https://api.example.com/v1/x',
    status,
    flagged,
    cors: false,
    causes: [cause],
  };
}

describe('what the refusal did, by family', () => {
  it('a rate limit, a quota or a retry storm: the server turned it away, with the status', () => {
    for (const id of ['rate_limit.exceeded', 'quota.exceeded', 'client.retry_storm'] as const)
      expect(whySentence(d(429, { id, title: 'The client sent 40 calls in 10 s' }))).toBe(
        'The client sent 40 calls in 10 s, so the server turned it away with 429.',
      );
  });

  it('a browser block: the browser blocked it, whatever the status', () => {
    expect(
      whySentence(d(200, { id: 'browser.mixed_content', title: 'An https page asked for an http resource' })),
    ).toBe('An https page asked for an http resource, so the browser blocked it.');
  });

  it('CORS with no status: the browser stopped the request before an answer', () => {
    expect(
      whySentence(d(0, { id: 'cors.missing_allow_origin', title: 'The preflight had no Access-Control-Allow-Origin' })),
    ).toBe(
      'The preflight had no Access-Control-Allow-Origin, so the browser stopped the request before the page could read an answer.',
    );
  });

  it('CORS with a status: the browser kept the answer, and the status is not repeated', () => {
    expect(
      whySentence(
        d(403, { id: 'cors.missing_allow_origin', title: 'The response has no Access-Control-Allow-Origin' }),
      ),
    ).toBe(
      "The response has no Access-Control-Allow-Origin, so the browser kept the server's 403 answer from the page.",
    );
  });

  it('a server refusal inside a success, or with no status at all', () => {
    expect(whySentence(d(200, { id: 'auth.invalid', title: 'The GraphQL error says the token is invalid' }))).toBe(
      'The GraphQL error says the token is invalid, so the server refused it inside an HTTP 200 answer.',
    );
    expect(whySentence(d(0, { id: 'auth.invalid', title: 'The token is invalid' }))).toBe(
      'The token is invalid, so the server refused it.',
    );
    expect(whySentence(d(399, { id: 'auth.invalid', title: 'The token is invalid' }))).toBe(
      'The token is invalid, so the server refused it inside an HTTP 399 answer.',
    );
    expect(whySentence(d(400, { id: 'auth.invalid', title: 'The token is invalid' }))).toBe(
      'The token is invalid, so the server refused it with 400.',
    );
  });
});

describe('the title as the lead', () => {
  it('"the request" and "the call" become "this"; a trailing full stop goes; a first letter is raised', () => {
    expect(whySentence(d(401, { id: 'auth.token_expired', title: 'the token expired 1 h before the call.  ' }))).toBe(
      'The token expired 1 h before this call, so the server refused it with 401.',
    );
  });

  it.each(['throttled', 'withheld', 'stopped', 'challenged', 'limited', 'forbade', 'denies', 'rejected', 'blocked'])(
    'a title that says what happened ("%s") gets the status only',
    (word) => {
      expect(whySentence(d(403, { id: 'waf.blocked', title: `The firewall ${word} the request` }))).toBe(
        `The firewall ${word} this request (HTTP 403).`,
      );
    },
  );

  it('a title naming the status says it once; a browser verdict that says it never adds it', () => {
    expect(whySentence(d(403, { id: 'permission.denied', title: 'The server refused the request (403)' }))).toBe(
      'The server refused this request (403).',
    );
    expect(whySentence(d(200, { id: 'browser.corp_blocked', title: 'The page blocked this response' }))).toBe(
      'The page blocked this response.',
    );
    // 4030 is not 403.
    expect(whySentence(d(403, { id: 'permission.denied', title: 'Code 4030 refused' }))).toBe(
      'Code 4030 refused (HTTP 403).',
    );
  });
});

describe('how sure', () => {
  it('a weak top reading is hedged; possible and above are not', () => {
    const t = { id: 'permission.denied' as const, title: 'The role lacks access' };
    expect(whySentence(d(403, { ...t, confidence: CONFIDENCE.weakPlus28 }))).toMatch(/^Probably: The role/);
    expect(whySentence(d(403, { ...t, confidence: CONFIDENCE.possible }))).toMatch(/^The role/);
  });

  it('not flagged, or no cause: nothing refused it, with the status when there is one', () => {
    expect(whySentence(d(204, { id: 'auth.invalid', title: 'x' }, false))).toBe(
      'Nothing refused this request: the server answered 204.',
    );
    expect(whySentence({ ...d(0, { id: 'auth.invalid', title: 'x' }), causes: [] })).toBe(
      'Nothing refused this request.',
    );
  });

  it('no rule knows, without a status', () => {
    expect(whySentence(d(0, { id: 'unknown', title: 'Unknown' }))).toBe(
      'No rule explains why this request was refused; the evidence lists what was checked.',
    );
  });
});
