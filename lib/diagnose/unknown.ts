import type { Cause } from '../core/causes';
import { CONFIDENCE } from '../core/confidence';
import type { Exchange } from '../model/exchange';

// The `unknown` cause, built here only: the engine's "nothing matched" and the panel's "the
// engine failed on this entry" are the same cause id with two explanations.

const log = (name: string) => (detail: string) => ({ where: 'log' as const, name, detail });

/** Nothing in the request, the response or the log matched: what was checked, and rule failures. */
export function unknownCause(x: Exchange, failures: readonly string[]): Cause {
  const checked = [
    `status ${x.status}`,
    x.req.has('authorization') ? 'Authorization header present' : 'no Authorization header',
    x.req.has('cookie') ? 'cookies sent' : 'no cookies sent',
    x.body.text
      ? `response body read (${x.body.text.length} chars), no known signature`
      : `response body: ${x.body.note ?? 'empty'}`,
  ];
  return {
    id: 'unknown',
    confidence: CONFIDENCE.unexplained,
    title: 'No rule explains this refusal',
    summary: 'Nothing in the request, the response or the log matched a known cause. What was checked is listed below.',
    evidence: [...checked.map(log('checked')), ...failures.map(log('error'))],
    fixes: ['Compare with a call that works (same endpoint, same identity) and read the server logs for this request.'],
  };
}

/** The engine itself threw on this entry (a defect): the panel still shows the raw headers. */
export function unreadableCause(err: unknown): Cause {
  return {
    id: 'unknown',
    confidence: CONFIDENCE.none,
    title: 'Why403 could not read this entry',
    summary: 'The engine failed on this entry; the raw headers are still shown below.',
    evidence: [log('error')(err instanceof Error ? err.message : String(err))],
    fixes: ['Export the HAR and report the problem.'],
  };
}
