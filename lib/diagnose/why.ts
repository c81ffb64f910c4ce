import type { Cause, EntryDiagnosis } from '../core/causes';
import { levelOf } from '../core/confidence';

// One sentence that answers "why was this refused?" before any evidence (issue 18): the top
// cause's title, which its rule wrote from the evidence ("The bearer token expired 2 h before
// the request"), joined to what that did to the request ("so the server refused it with 401").
// Pure, so the panel, the reports and the tests read the same sentence.

/** A title that already says what happened to the request needs no "so …" clause. */
const SAYS_OUTCOME =
  /\b(refus|reject|block|den(?:y|ied|ies)|forb[ia]d|throttl|withh[eo]ld|stopp?ed|challeng|limit(?:ed)?\b)/i;

type Family = 'browser' | 'cors' | 'throttle' | 'server';

function family(c: Cause): Family {
  if (c.id.startsWith('cors.')) return 'cors';
  if (c.id.startsWith('browser.')) return 'browser';
  if (c.id === 'rate_limit.exceeded' || c.id === 'quota.exceeded' || c.id === 'client.retry_storm') return 'throttle';
  return 'server';
}

/** " with 401"; a refusal inside a success ("200 with an error in the body") says so. */
function withStatus(status: number): string {
  if (status >= 400) return ` with ${status}`;
  return status > 0 ? ` inside an HTTP ${status} answer` : '';
}

function outcome(c: Cause, d: EntryDiagnosis): string {
  const status = withStatus(d.status);
  switch (family(c)) {
    case 'cors':
      return d.status > 0
        ? `so the browser kept the server's ${d.status} answer from the page`
        : 'so the browser stopped the request before the page could read an answer';
    case 'browser':
      return 'so the browser blocked it';
    case 'throttle':
      return `so the server turned it away${status}`;
    case 'server':
      return `so the server refused it${status}`;
  }
}

/** "The bearer token expired 2 h before the request" → "… before this request". */
function lead(title: string): string {
  const t = title
    .trim()
    .replace(/[.\s]+$/, '')
    .replace(/\bthe (request|call)\b/i, 'this $1');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The answer to "why?", in one sentence, from the diagnosis's top cause. */
export function whySentence(d: EntryDiagnosis): string {
  const top = d.causes[0];
  if (!d.flagged || !top)
    return d.status > 0
      ? `Nothing refused this request: the server answered ${d.status}.`
      : 'Nothing refused this request.';
  if (top.id === 'unknown')
    return `No rule explains why this request was refused${d.status > 0 ? ` (${d.status})` : ''}; the evidence lists what was checked.`;
  const title = lead(top.title);
  const said = SAYS_OUTCOME.test(title);
  // The browser's verdicts stand without the status: the page never saw it.
  const inBrowser = family(top) === 'cors' || family(top) === 'browser';
  // A title that already names the status ("refused the request (403)") says it once.
  const named = new RegExp(`\\b${d.status}\\b`).test(title);
  const status = d.status > 0 && !inBrowser && !named ? ` (HTTP ${d.status})` : '';
  const sentence = said ? `${title}${status}` : `${title}, ${outcome(top, d)}`;
  // A weak reading (the status alone) is a lead, not a finding: say so.
  return `${levelOf(top.confidence) === 'weak' ? 'Probably: ' : ''}${sentence}.`;
}
