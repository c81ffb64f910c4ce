import { describe, expect, it } from 'vitest';
import type { Cause } from '../../../lib/core/causes';
import { CONFIDENCE } from '../../../lib/core/confidence';
import { LogIndex } from '../../../lib/core/log-index';
import { placeCompanions } from '../../../lib/diagnose/companions';
import { unknownCause, unreadableCause } from '../../../lib/diagnose/unknown';
import { makeHar, type EntrySpec } from '../../support/har';

// Two things every diagnosis may end with. A companion cause (a retry storm) says how the client
// behaves around a refusal and "never outranks" the refusal's own cause (docs/causes.md): it sits
// after the first own cause, held just below it. And the `unknown` cause, which lists what was
// checked when nothing matched, or the engine's own failure.

const c = (id: Cause['id'], confidence: number): Cause => ({
  id,
  confidence,
  title: id,
  summary: '',
  evidence: [],
  fixes: [],
});

describe('placing a companion cause', () => {
  const storm = c('client.retry_storm', CONFIDENCE.likelyPlus5);

  it('is held one notch under the first own cause, after it, and after an own cause at that level', () => {
    const own = [c('auth.invalid', CONFIDENCE.likely), c('permission.denied', 0.84)];
    const placed = placeCompanions(own, [storm]);
    expect(placed.map((x) => [x.id, x.confidence])).toEqual([
      ['auth.invalid', CONFIDENCE.likely],
      ['permission.denied', 0.84],
      ['client.retry_storm', 0.84],
    ]);
    expect(storm.confidence).toBe(CONFIDENCE.likelyPlus5); // the companion given is not changed
  });

  it('a companion already below keeps its level and its place by confidence', () => {
    const own = [c('auth.invalid', CONFIDENCE.likely), c('permission.denied', CONFIDENCE.weak)];
    const low = c('client.retry_storm', CONFIDENCE.possible);
    expect(placeCompanions(own, [low]).map((x) => [x.id, x.confidence])).toEqual([
      ['auth.invalid', CONFIDENCE.likely],
      ['client.retry_storm', CONFIDENCE.possible],
      ['permission.denied', CONFIDENCE.weak],
    ]);
  });

  it('the ceiling is rounded to a notch and never below zero', () => {
    expect(placeCompanions([c('auth.invalid', 0.333)], [storm])[1]!.confidence).toBe(0.32);
    expect(placeCompanions([c('auth.invalid', 0.005)], [storm])[1]!.confidence).toBe(0);
  });

  it('with no own cause the companions stand alone; with none, the own causes are returned as a copy', () => {
    expect(placeCompanions([], [storm])).toEqual([storm]);
    const own = [c('auth.invalid', CONFIDENCE.likely)];
    const placed = placeCompanions(own, []);
    expect(placed).toEqual(own);
    expect(placed).not.toBe(own);
  });
});

describe('the unknown cause', () => {
  const ex = (spec: Partial<EntrySpec>) =>
    new LogIndex(makeHar([{ url: 'https://api.example.com/v1/x', status: 403, ...spec }])).exchanges[0]!;

  it('lists what was checked: the status, the credentials and the body read', () => {
    const u = unknownCause(
      ex({ requestHeaders: { Authorization: 'Bearer x', Cookie: 'a=b' }, body: 'Nope', mimeType: 'text/plain' }),
      [],
    );
    expect(u.id).toBe('unknown');
    expect(u.confidence).toBe(CONFIDENCE.unexplained);
    expect(u.evidence).toEqual([
      { where: 'log', name: 'checked', detail: 'status 403' },
      { where: 'log', name: 'checked', detail: 'Authorization header present' },
      { where: 'log', name: 'checked', detail: 'cookies sent' },
      { where: 'log', name: 'checked', detail: 'response body read (4 chars), no known signature' },
    ]);
  });

  it('says what was absent, and then each rule failure', () => {
    const u = unknownCause(ex({}), ['rule x threw: boom']);
    expect(u.evidence.map((e) => e.detail)).toEqual([
      'status 403',
      'no Authorization header',
      'no cookies sent',
      'response body: body not captured',
      'rule x threw: boom',
    ]);
    expect(unknownCause(ex({ body: '', mimeType: 'text/plain' }), []).evidence[3]!.detail).toBe('response body: empty');
    expect(u.evidence[4]).toMatchObject({ where: 'log', name: 'error' });
  });

  it("the engine's own failure: no confidence, the error's message", () => {
    expect(unreadableCause(new Error('bad entry'))).toMatchObject({
      id: 'unknown',
      confidence: CONFIDENCE.none,
      title: 'Why403 could not read this entry',
      evidence: [{ where: 'log', name: 'error', detail: 'bad entry' }],
    });
    expect(unreadableCause('plain').evidence[0]!.detail).toBe('plain');
  });
});
