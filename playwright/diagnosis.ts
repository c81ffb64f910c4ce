// From a recorded HAR to what a test report shows: the refused requests a test's options keep,
// a redacted Markdown and JSON report (the same `buildReport` the CLI's `report` uses), and one
// terminal line per refusal with its top cause.
import { diagnoseExchange, LogIndex, type EntryDiagnosis, type Har } from '../lib';
import { buildReport, renderReport } from '../lib';
import type { Why403Options } from './public';

// The options are declared once, in the types the package ships (public.d.ts).
export type { Why403Options } from './public';

export interface Diagnosis {
  refusals: EntryDiagnosis[];
  markdown: string;
  json: string;
  /** One line per refusal: `why403: GET /api/orders → 401 auth.token_expired: …`. */
  lines: string[];
}

function urlKept(url: string, urls: Why403Options['urls']): boolean {
  if (!urls || urls.length === 0) return true;
  return urls.some((u) => (typeof u === 'string' ? url.includes(u) : new RegExp(u.source, u.flags).test(url)));
}

/** The refused requests of a recording that the options keep (preflights are context, not refusals). */
export function refusalsOf(har: Har, options: Why403Options = {}): { log: LogIndex; refusals: EntryDiagnosis[] } {
  const log = new LogIndex(har);
  const ignore = new Set(options.ignore ?? []);
  const refusals = log.exchanges
    .filter((x) => !x.isPreflight && urlKept(x.rawUrl, options.urls))
    .map((x) => diagnoseExchange(log, x))
    // A refusal is ignored by its top cause: the reading a user would act on.
    .filter((d) => d.flagged && !ignore.has(d.causes[0]?.id ?? 'unknown'));
  return { log, refusals };
}

interface JsonEntry {
  exchange: { method: string; url: string; status: number };
  cors: boolean;
  causes: { id: string; title: string }[];
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

export function diagnosisOf(har: Har, options: Why403Options = {}, source = 'Playwright test'): Diagnosis {
  const { log, refusals } = refusalsOf(har, options);
  const report = buildReport(log, refusals, { redact: options.redact !== false, source });
  const markdown = renderReport(report, 'md');
  const json = renderReport(report, 'json');
  // The terminal lines come from the rendered JSON: the same redaction as the attachment.
  const entries = (JSON.parse(json) as { entries: JsonEntry[] }).entries;
  const lines = entries.map((e) => {
    const top = e.causes[0];
    const status = e.cors ? `${e.exchange.status || 'no status'} (blocked by the browser)` : String(e.exchange.status);
    const cause = top ? `${top.id}: ${top.title}` : 'no cause found';
    return `why403: ${e.exchange.method} ${pathOf(e.exchange.url)} → ${status} ${cause}`.replace(/[\r\n]+/g, ' ');
  });
  return { refusals, markdown, json, lines };
}
