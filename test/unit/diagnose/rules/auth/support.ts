import { diagnose } from '../../../../../lib/diagnose/diagnose';
import type { Cause } from '../../../../../lib/core/causes';
import { RuleContext, type Rule } from '../../../../../lib/core/context';
import { LogIndex } from '../../../../../lib/core/log-index';
import type { Har } from '../../../../../lib/har/types';
import { AUTH_RULES } from '../../../../../lib/diagnose/rules/auth';
import { statusFallback } from '../../../../../lib/diagnose/rules/fallback';
import { makeHar, type EntrySpec } from '../../../../support/har';

export { makeJwt, sec } from '../../../inspect/support';

export const DATE = 'Sat, 21 Nov 2026 12:04:10 GMT';
export const API = 'https://api.example.com/v1/orders';

/** Causes for the target entry (default: last), from the auth rules plus the status baseline only. */
export function causesOf(entries: EntrySpec[], target = entries.length - 1): Cause[] {
  const d = diagnose(makeHar(entries), { all: true, rules: [...AUTH_RULES, statusFallback] })[target];
  if (!d) throw new Error('no diagnosis for the target');
  return d.causes;
}

export function ids(entries: EntrySpec[], target?: number): string[] {
  return causesOf(entries, target).map((c) => c.id);
}

export function cause(entries: EntrySpec[], id: string, target?: number): Cause {
  const c = causesOf(entries, target).find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} among ${ids(entries, target).join(', ')}`);
  return c;
}

/** Every evidence detail, joined: for "no secret leaks" assertions. */
export function shown(causes: Cause[]): string {
  return causes.map((c) => [c.title, c.summary, ...c.evidence.map((e) => e.detail), ...c.fixes].join('\n')).join('\n');
}

/** What the user is shown for one cause: its title, summary, evidence lines and fixes. */
export function shownFor(
  entries: EntrySpec[],
  id: string,
  target?: number,
): { title: string; summary: string; evidence: string[]; fixes: string[] } {
  const c = cause(entries, id, target);
  return { title: c.title, summary: c.summary, evidence: c.evidence.map((e) => e.detail), fixes: c.fixes };
}

/** A sign-in whose response sets `setCookie` (one header per array item). */
export function login(setCookie: string | string[], url = 'https://app.example.com/api/login'): EntrySpec {
  return {
    method: 'POST',
    url,
    status: 200,
    requestHeaders: { Origin: new URL(url).origin },
    responseHeaders: { Date: DATE, 'Set-Cookie': setCookie },
  };
}

/** A later call to `url`, refused with `status`. */
export function call(url: string, headers: Record<string, string> = {}, status = 401): EntrySpec {
  return { url, status, requestHeaders: headers, responseHeaders: { Date: DATE } };
}

/** The context a rule sees for the last entry of `har`. */
export function lastContext(har: Har): RuleContext {
  const log = new LogIndex(har);
  return new RuleContext(log.exchanges.at(-1)!, log);
}

/** One rule's own causes for the last entry, before merging with other rules' readings. */
export function ruleCauses(rule: Pick<Rule, 'run'>, har: Har): Cause[] {
  return rule.run(lastContext(har));
}

/** One call to API answered `status` with the response Date; `entry` overrides. */
export function answered(status: number, entry: Partial<EntrySpec>): Har {
  return makeHar([{ url: API, status, responseHeaders: { Date: DATE }, ...entry }]);
}
