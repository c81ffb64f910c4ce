import { sealReport } from './build';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { Report } from './model';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(v: string): v is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(v);
}

/** The report as shared: every format goes through the final sweep of its redaction. */
export function renderReport(r: Report, format: ReportFormat): string {
  return sealReport(r, format === 'html' ? renderHtml(r) : format === 'json' ? renderJson(r) : renderMarkdown(r));
}
