import { isoOrNull } from '../core/dates';
import { blankEntry } from '../har/blank';
import type { HarEntry } from '../har/types';
import { CSP_SOURCE } from './browser-block';

/**
 * CSP-blocked requests never reach devtools.network (docs/browser-blocks.md). The panel collects
 * the page's `securitypolicyviolation` events (and buffered ReportingObserver reports) and turns
 * each into a synthesized HAR entry: status 0, `_error: "blocked:csp"`, and a `_why403` marker
 * saying where it came from. Everything here comes from the page: validated, capped, never run.
 */
export interface PageViolation {
  blockedURL: string;
  directive: string;
  policy: string;
  disposition: string;
  documentURL: string;
  sourceFile: string;
  line: number;
  /** ms since epoch, the panel's clock when it was collected (or the event's time). */
  at: number;
}

const DIRECTIVE_TYPE = new Map<string, string>([
  ['connect-src', 'fetch'],
  ['img-src', 'image'],
  ['script-src', 'script'],
  ['script-src-elem', 'script'],
  ['style-src', 'stylesheet'],
  ['style-src-elem', 'stylesheet'],
  ['font-src', 'font'],
  ['media-src', 'media'],
  ['frame-src', 'document'],
  ['child-src', 'document'],
  ['worker-src', 'script'],
  ['manifest-src', 'manifest'],
  ['object-src', 'other'],
  ['default-src', 'other'],
]);

function str(v: unknown, max: number): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** Validates what the page handed back; drops anything that is not a blocked http(s) URL. */
export function parseViolations(raw: unknown, now: number): PageViolation[] {
  if (!Array.isArray(raw)) return [];
  const out: PageViolation[] = [];
  for (const item of raw.slice(0, 500)) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    const blockedURL = str(r.blockedURL, 8192);
    const directive = str(r.directive, 100).trim();
    if (!/^https?:\/\//i.test(blockedURL) || !/^[a-z-]+$/i.test(directive)) continue;
    out.push({
      blockedURL,
      directive,
      policy: str(r.policy, 4000),
      disposition: str(r.disposition, 20) || 'enforce',
      documentURL: str(r.documentURL, 8192),
      sourceFile: str(r.sourceFile, 8192),
      line: typeof r.line === 'number' && Number.isFinite(r.line) ? r.line : 0,
      at: typeof r.at === 'number' && Number.isFinite(r.at) && r.at > 0 ? r.at : now,
    });
  }
  return out;
}

/** The row the panel shows for a blocked call: a HAR entry marked as coming from the page's CSP report. */
export function violationEntry(v: PageViolation): HarEntry {
  const queryString: { name: string; value: string }[] = [];
  try {
    for (const [name, value] of new URL(v.blockedURL).searchParams) queryString.push({ name, value });
  } catch {
    // a URL the page reported but that does not parse: kept as written
  }
  return blankEntry({
    // The page's clock, reported by a page script: untrusted like the rest.
    startedDateTime: isoOrNull(v.at) ?? new Date(0).toISOString(),
    _resourceType: DIRECTIVE_TYPE.get(v.directive.toLowerCase()) ?? 'other',
    _why403: {
      source: CSP_SOURCE,
      note: "Synthesized by Why403 from the page's CSP violation report: the browser never sent this request.",
      directive: v.directive,
      policy: v.policy,
      disposition: v.disposition,
      documentURL: v.documentURL,
      sourceFile: v.sourceFile,
      line: v.line,
    },
    request: {
      // The violation does not say the method; a blocked call is listed as GET.
      url: v.blockedURL,
      headers: v.documentURL ? [{ name: 'Referer', value: v.documentURL }] : [],
      queryString,
    },
    response: { _error: 'blocked:csp' },
  });
}

/**
 * Page script: installs (once per document) a securitypolicyviolation listener and a buffered
 * ReportingObserver, then hands over and forgets what they collected. Run on every poll, so a
 * navigation (which drops both) re-arms them at the next poll; the buffered observer also
 * reports violations from before it existed (page load). Returns an array (possibly empty).
 */
export const CSP_DRAIN_SCRIPT = `(() => {
  const K = '__why403_csp__';
  let box = window[K];
  if (!box || !Array.isArray(box.q)) {
    box = { q: [], seen: new Set() };
    Object.defineProperty(window, K, { value: box, configurable: true });
    const add = (v) => {
      const key = [v.blockedURL, v.directive, v.sourceFile, v.line].join('\\u0000');
      if (box.seen.has(key) || box.q.length > 500) return;
      box.seen.add(key);
      box.q.push(v);
    };
    document.addEventListener('securitypolicyviolation', (e) => add({
      blockedURL: String(e.blockedURI || ''), directive: String(e.effectiveDirective || e.violatedDirective || ''),
      policy: String(e.originalPolicy || ''), disposition: String(e.disposition || ''),
      documentURL: String(e.documentURI || ''), sourceFile: String(e.sourceFile || ''),
      line: Number(e.lineNumber) || 0, at: Date.now(),
    }), true);
    if (typeof ReportingObserver === 'function') {
      try {
        new ReportingObserver((reports) => {
          for (const r of reports) {
            const b = r.body || {};
            add({
              blockedURL: String(b.blockedURL || ''), directive: String(b.effectiveDirective || ''),
              policy: String(b.originalPolicy || ''), disposition: String(b.disposition || ''),
              documentURL: String(b.documentURL || r.url || ''), sourceFile: String(b.sourceFile || ''),
              line: Number(b.lineNumber) || 0, at: Date.now(),
            });
          }
        }, { types: ['csp-violation'], buffered: true }).observe();
      } catch (err) { /* no ReportingObserver for CSP here: the event listener still works */ }
    }
  }
  const out = box.q;
  box.q = [];
  return out;
})()`;
