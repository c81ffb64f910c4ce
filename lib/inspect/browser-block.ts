import type { Exchange } from '../model/exchange';
import { siteOf } from './site';

/**
 * Requests the browser itself stopped: CORP/COEP withheld a no-cors response, the page's CSP
 * forbade the call, or an https page asked for an http URL. What each browser leaves in the
 * capture is measured in docs/browser-blocks.md; this reads those shapes and, where the Fetch
 * standard makes the outcome certain, the headers alone (Firefox writes no `_error`).
 */
export type BrowserBlock =
  | { kind: 'corp'; error: string | null; corp: string | null; coep: boolean; from: 'error' | 'headers' }
  | { kind: 'csp'; violation: CspViolation; from: 'violation' | 'report' | 'blocked-reason' }
  | { kind: 'mixed'; error: string | null };

/** One CSP violation as the page reported it (securitypolicyviolation / csp-report fields). */
export interface CspViolation {
  blockedURL: string;
  directive: string;
  policy: string;
  disposition: string;
  documentURL: string;
  sourceFile?: string;
  line?: number;
}

/** The marker a synthesized entry carries (see lib/inspect/csp-violation.ts). */
export const CSP_SOURCE = 'csp-violation';

// Chromium: net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin, .NotSameSite,
// .NotSameOriginAfterDefaultedToSameOriginByCoep, .CoepFrameResourceNeedsCoepHeader …
const CORP_ERROR = /ERR_BLOCKED_BY_RESPONSE\.(NotSame\w+|Coep\w+|Corp\w+)/;
const BY_COEP = /Coep/i;

function text(v: unknown, max = 2000): string {
  return typeof v === 'string' ? v.slice(0, max) : '';
}

/** A violation stored on a synthesized entry, validated (the page wrote it: hostile). */
export function violationOf(x: Exchange): CspViolation | null {
  const mark = (x.entry as { _why403?: unknown })._why403;
  if (!mark || typeof mark !== 'object' || (mark as { source?: unknown }).source !== CSP_SOURCE) return null;
  const m = mark as Record<string, unknown>;
  const directive = text(m.directive, 100);
  if (!directive) return null;
  return {
    blockedURL: x.rawUrl,
    directive,
    policy: text(m.policy),
    disposition: text(m.disposition, 20) || 'enforce',
    documentURL: text(m.documentURL),
    ...(text(m.sourceFile) ? { sourceFile: text(m.sourceFile) } : {}),
    ...(typeof m.line === 'number' && Number.isFinite(m.line) ? { line: m.line } : {}),
  };
}

/** A `report-uri` POST (application/csp-report): the browser's own report of a violation. */
export function reportedViolation(x: Exchange): CspViolation | null {
  if (x.method !== 'POST' || !x.requestBody) return null;
  const type = (x.req.get('content-type') ?? '').toLowerCase();
  if (!type.includes('csp-report')) return null;
  let body: unknown;
  try {
    body = JSON.parse(x.requestBody.slice(0, 64 * 1024));
  } catch {
    return null;
  }
  const r = (body as { 'csp-report'?: Record<string, unknown> } | null)?.['csp-report'];
  if (!r || typeof r !== 'object') return null;
  const directive = text(r['effective-directive'], 100) || text(r['violated-directive'], 100);
  const blocked = text(r['blocked-uri']);
  if (!directive || !/^https?:/i.test(blocked)) return null;
  return {
    blockedURL: blocked,
    directive,
    policy: text(r['original-policy']),
    disposition: text(r.disposition, 20) || 'enforce',
    documentURL: text(r['document-uri']),
    ...(text(r['source-file']) ? { sourceFile: text(r['source-file']) } : {}),
    ...(typeof r['line-number'] === 'number' ? { line: r['line-number'] } : {}),
  };
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** CORP's verdict for a no-cors response (Fetch, "cross-origin resource policy internal check"). */
function corpForbids(corp: string, x: Exchange, page: string): boolean {
  const target = x.url;
  if (!target) return false;
  const value = corp.trim().toLowerCase();
  if (value === 'same-origin') return target.origin !== page;
  if (value === 'same-site') return siteOf(target) !== siteOf(page) || new URL(page).protocol !== target.protocol;
  return false;
}

function corpBlock(x: Exchange): BrowserBlock | null {
  const corp = x.res.get('cross-origin-resource-policy') ?? null;
  if (x.netError && CORP_ERROR.test(x.netError)) {
    return { kind: 'corp', error: x.netError, corp, coep: BY_COEP.test(x.netError), from: 'error' };
  }
  // Without an error string (Firefox): a no-cors cross-origin response whose CORP forbids it is
  // withheld by every browser that implements Fetch.
  const mode = x.req.get('sec-fetch-mode')?.toLowerCase();
  const page = x.pageOrigin;
  if (corp && mode === 'no-cors' && page && corpForbids(corp, x, page) && !x.netError) {
    return { kind: 'corp', error: null, corp, coep: false, from: 'headers' };
  }
  return null;
}

/** Hosts whose http URLs are "potentially trustworthy" (never mixed content). */
function trustworthyHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1';
}

function mixedBlock(x: Exchange): BrowserBlock | null {
  if (!x.url || x.url.protocol !== 'http:' || trustworthyHost(x.url.hostname)) return null;
  if (x.status !== 0 || x.res.size > 0) return null;
  const raw = x.entry.response?._error;
  const httpsPage = x.pageOrigin?.startsWith('https:') ?? false;
  // Chromium 156 records a blocked mixed-content fetch with `_error: ""` (see docs/browser-blocks.md).
  if (raw === '' || httpsPage || (raw && /MIXED|INSECURE/i.test(raw)))
    return { kind: 'mixed', error: typeof raw === 'string' ? raw : null };
  return null;
}

const cache = new WeakMap<Exchange, BrowserBlock | null>();

/** What stopped this request in the browser, or null. Per-entry only; rules add the page's context. */
export function browserBlockOf(x: Exchange): BrowserBlock | null {
  if (x.isPreflight) return null;
  if (cache.has(x)) return cache.get(x)!;
  const v = violationOf(x);
  const block: BrowserBlock | null = v
    ? { kind: 'csp', violation: v, from: 'violation' }
    : (corpBlock(x) ?? mixedBlock(x) ?? reportCsp(x) ?? blockedReasonCsp(x));
  cache.set(x, block);
  return block;
}

// CSP3 §6.1 (https://www.w3.org/TR/CSP3/#directive-fallback-list): the fetch directive that governs a request of
// each destination, named as pages write them (script-src covers script-src-elem by fallback).
const DIRECTIVE_FOR: ReadonlyMap<string, string> = new Map([
  ['script', 'script-src'],
  ['stylesheet', 'style-src'],
  ['image', 'img-src'],
  ['font', 'font-src'],
  ['media', 'media-src'],
  ['fetch', 'connect-src'],
  ['xhr', 'connect-src'],
  ['eventsource', 'connect-src'],
  ['websocket', 'connect-src'],
  ['manifest', 'manifest-src'],
  ['document', 'frame-src'],
]);

/**
 * Chromium reports a request its CSP stopped with Network.loadingFailed { errorText: "", blockedReason: "csp" }
 * (https://chromedevtools.github.io/devtools-protocol/tot/Network/#type-BlockedReason); Playwright's HAR writes
 * `errorText || blockedReason` as `_failureText`, so the row is a status -1 entry failed with "csp". The
 * directive is the one the destination falls under; the policy is the page's (the rule reads its document).
 */
function blockedReasonCsp(x: Exchange): BrowserBlock | null {
  if (x.status > 0 || x.netError?.trim().toLowerCase() !== 'csp') return null;
  const directive = DIRECTIVE_FOR.get(x.resourceType.toLowerCase()) ?? 'default-src';
  return {
    kind: 'csp',
    violation: { blockedURL: x.rawUrl, directive, policy: '', disposition: 'enforce', documentURL: '' },
    from: 'blocked-reason',
  };
}

function reportCsp(x: Exchange): BrowserBlock | null {
  const v = reportedViolation(x);
  return v && v.disposition !== 'report' ? { kind: 'csp', violation: v, from: 'report' } : null;
}

export { originOf as httpOriginOf };
