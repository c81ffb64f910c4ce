import type { Cause, EntryDiagnosis } from '../core/causes';
import type { LogIndex } from '../core/log-index';
import type { Exchange } from '../model/exchange';
import { compareRequests } from '../compare';
import { isFlagged } from '../diagnose/flag';
import { whySentence } from '../diagnose/why';
import { toCurl } from '../export/curl';
import { learnEntries, sealDeep, Vault } from '../redact';
import { plainDisplay, redactingDisplay, oneLine, type Display } from './display';
import { type Report, type ReportBody, type ReportEntry, type ReportExchange } from './model';
import { VERSION } from '../core/version';
import { looksSanitized, unseenFor } from './unseen';
import { buildSession } from './session';

export interface ReportOptions {
  /** Redact secrets (default true). */
  redact?: boolean;
  /** Placeholders the user chose to reveal in the preview. */
  reveal?: ReadonlySet<string>;
  source?: string;
  generatedAt?: string;
  /** Include the per-origin session account (default: when more than one entry is reported). */
  session?: boolean;
}

const EXCERPT = 2000;

/** The bytes a base64 text stands for: 3 per 4 characters, "=" padding none (RFC 4648 §4). */
function base64Bytes(s: string): number {
  return Math.floor((s.replace(/[^A-Za-z0-9+/_-]/g, '').length * 3) / 4);
}

function requestBody(x: Exchange, show: Display): ReportBody | null {
  const post = x.entry.request?.postData;
  if (!post) return null;
  const mimeType = String(post.mimeType ?? x.req.get('content-type') ?? '');
  if (x.requestBody === null)
    return {
      mimeType,
      // A body readRequestBody did not read is base64 (binary) or has no text: ReportBody's size is then in bytes.
      size: base64Bytes(String(post.text ?? '')),
      excerpt: null,
      truncated: false,
      note: 'binary body not shown',
    };
  // Stryker disable next-line StringLiteral: learnEntries placed every body secret already; this label only names a place it missed
  const { text, truncated } = show.body(x.requestBody, x.req.get('content-type') ?? mimeType, 'request body', EXCERPT);
  return { mimeType, size: x.requestBody.length, excerpt: text, truncated };
}

function responseBody(x: Exchange, show: Display): ReportBody | null {
  const content = x.entry.response?.content;
  const mimeType = x.body.mimeType;
  if (x.body.text === null)
    return x.body.note
      ? { mimeType, size: Number(content?.size ?? 0), excerpt: null, truncated: false, note: x.body.note }
      : null;
  // Stryker disable next-line StringLiteral,OptionalChaining: learnEntries placed every body secret already, this label only names a place it missed; content is there when text is
  const { text, truncated } = show.body(x.body.text, String(content?.mimeType ?? mimeType), 'response body', EXCERPT);
  return { mimeType, size: x.body.text.length, excerpt: text, truncated: truncated || x.body.truncated };
}

function exchange(x: Exchange, show: Display): ReportExchange {
  const headers = (side: 'request' | 'response') =>
    (side === 'request' ? x.req : x.res).raw
      .filter((h) => typeof h?.name === 'string')
      .map((h) => ({ name: oneLine(h.name, 200), value: oneLine(show.header(h.name, String(h.value ?? ''), side)) }));
  return {
    index: x.index,
    method: x.method,
    url: oneLine(show.url(x.rawUrl)),
    status: x.status,
    statusText: oneLine(x.statusText, 200),
    httpVersion: oneLine(String(x.entry.request?.httpVersion ?? ''), 40),
    requestHeaders: headers('request'),
    requestBody: requestBody(x, show),
    responseHeaders: headers('response'),
    responseBody: responseBody(x, show),
  };
}

function cause(c: Cause, show: Display): Cause {
  return {
    ...c,
    title: show.text(c.title),
    summary: show.text(c.summary),
    evidence: c.evidence.map((e) => ({ ...e, detail: show.text(e.detail) })),
    fixes: c.fixes.map((f) => show.text(f)),
  };
}

/**
 * Builds the report model for some diagnosed entries of a log: one vault for the whole
 * report, so one secret has one placeholder in every header table, curl and comparison.
 */
export function buildReport(log: LogIndex, diagnoses: EntryDiagnosis[], options: ReportOptions = {}): Report {
  const redact = options.redact !== false;
  const vault = new Vault(options.reveal);
  const rows = diagnoses.flatMap((d) => {
    const x = log.at(d.index);
    if (!x) return [];
    const preflight = d.preflightIndex !== undefined ? (log.at(d.preflightIndex) ?? null) : log.preflightFor(x);
    const success = d.lastSuccessIndex !== undefined ? (log.at(d.lastSuccessIndex) ?? null) : log.lastSuccessFor(x);
    return [{ d, x, preflight, success }];
  });
  // Discovery first: every secret of every entry shown, then of the rest of the log (evidence
  // quotes other entries), is known before anything is rendered.
  // Stryker disable next-line ConditionalExpression: unredacted, the vault is never read (plainDisplay, toCurl without redact, no seal)
  if (redact)
    learnEntries(
      [...rows.flatMap((r) => [r.x, r.preflight, r.success]), ...log.exchanges]
        .filter((x): x is Exchange => x !== null)
        .map((x) => x.entry),
      vault,
    );
  const show = redact ? redactingDisplay(vault) : plainDisplay;
  const sanitized = looksSanitized(log);
  // The session account reads each entry's diagnosis from here, or diagnoses it again: the given
  // diagnoses are the engine's own, so this only saves that work.
  // Stryker disable next-line ArrayDeclaration: a cache of what buildSession would compute again
  const known = new Map(diagnoses.map((d) => [d.index, d]));
  const entries: ReportEntry[] = rows.map(({ d, x, preflight, success }) => {
    return {
      index: d.index,
      flagged: d.flagged,
      cors: d.cors,
      why: oneLine(show.text(whySentence(d)), 1000),
      causes: d.causes.map((c) => cause(c, show)),
      exchange: exchange(x, show),
      preflight: preflight ? exchange(preflight, show) : null,
      comparison: success
        ? {
            ...compareRequests(x, success, redact ? vault : new Vault('all')),
            successUrl: oneLine(show.url(success.rawUrl)),
            successStatus: success.status,
          }
        : null,
      curl: toCurl(x.entry, { redact, vault, index: x.index }),
      unseen: unseenFor(d, x, preflight, success, sanitized),
    };
  });
  const report: Report = {
    version: 1,
    generator: { name: 'why403', version: VERSION },
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(options.source ? { source: oneLine(show.text(options.source), 300) } : {}),
    redacted: redact,
    summary: {
      entries: log.exchanges.length,
      flagged: log.exchanges.filter((x) => !x.isPreflight && isFlagged(x, log.preflightFor(x))).length,
      reported: entries.length,
    },
    entries,
    ...((options.session ?? diagnoses.length > 1)
      ? {
          // Stryker disable next-line ArrowFunction: the same cache (see known)
          session: buildSession(log, (x) => known.get(x.index)).map((o) => ({
            origin: oneLine(show.url(o.origin), 300),
            lines: o.lines.map((l) => oneLine(show.text(l), 2000)),
          })),
        }
      : {}),
    secrets: [],
  };
  // Stryker disable next-line ConditionalExpression: unredacted, the vault learned nothing, so the seal would change nothing
  if (!redact) return report;
  // Learn, then seal: every string of the model is swept once more for every secret of the log,
  // in every encoding (lib/redact/seal.ts), so each rendering (Markdown, HTML, JSON) only formats
  // text that is already safe and needs no redaction state of its own.
  const sealed = sealDeep(report, vault);
  return { ...sealed, secrets: vault.list().filter((s) => !options.reveal?.has(s.name)) };
}
