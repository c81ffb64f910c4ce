import type { Cause } from '../core/causes';
import type { RequestComparison } from '../compare';
import type { SecretInfo } from '../redact';

export interface ReportHeader {
  name: string;
  value: string;
}

export interface ReportBody {
  mimeType: string;
  /** Characters (text) or bytes (binary) recorded. */
  size: number;
  /** The start of the body as shown (redacted unless --no-redact), or null when not shown. */
  excerpt: string | null;
  truncated: boolean;
  note?: string;
}

export interface ReportExchange {
  index: number;
  method: string;
  url: string;
  status: number;
  statusText: string;
  httpVersion: string;
  requestHeaders: ReportHeader[];
  requestBody: ReportBody | null;
  responseHeaders: ReportHeader[];
  responseBody: ReportBody | null;
}

export interface ReportComparison extends RequestComparison {
  successUrl: string;
  successStatus: number;
}

export interface ReportEntry {
  index: number;
  flagged: boolean;
  cors: boolean;
  /** One sentence that answers "why" (lib/diagnose/why.ts), before the evidence. */
  why: string;
  causes: Cause[];
  exchange: ReportExchange;
  preflight: ReportExchange | null;
  comparison: ReportComparison | null;
  /** The POSIX curl reproducing it (redacted unless --no-redact). */
  curl: string;
  /** What the tool could not see, in words. */
  unseen: string[];
}

/** The shared report, versioned like the CLI's JSON. */
export interface Report {
  version: 1;
  generator: { name: 'why403'; version: string };
  generatedAt?: string;
  source?: string;
  redacted: boolean;
  summary: { entries: number; flagged: number; reported: number };
  entries: ReportEntry[];
  /** Per origin, a short account over the whole log (lib/report/session.ts): one sentence a line. */
  session?: { origin: string; lines: string[] }[];
  /** What each placeholder stands for (never the value). Empty when not redacted. */
  secrets: SecretInfo[];
}
