import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { ReportFormat } from './formats';
import type { Report } from './model';

/** The report as shared. A redacted report was sealed when it was built (build.ts). */
export function renderReport(r: Report, format: ReportFormat): string {
  return format === 'html' ? renderHtml(r) : format === 'json' ? renderJson(r) : renderMarkdown(r);
}
