import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { Report } from './model';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(v: string): v is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(v);
}

/** The report as shared. A redacted report was sealed when it was built (build.ts). */
export function renderReport(r: Report, format: ReportFormat): string {
  return format === 'html' ? renderHtml(r) : format === 'json' ? renderJson(r) : renderMarkdown(r);
}
