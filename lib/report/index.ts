// Shareable diagnosis reports: one model, three renderings (Markdown, HTML, JSON).
export { buildReport, type ReportOptions } from './build';
export { renderMarkdown } from './markdown';
export { renderHtml } from './html';
export { renderJson } from './json';
export { renderReport } from './render';
export { REPORT_FORMATS, isReportFormat, type ReportFormat } from './formats';
export type { Report, ReportEntry, ReportExchange, ReportBody, ReportHeader, ReportComparison } from './model';
export { buildSession, buildSessionSteps, credentialChanges, type SessionOrigin } from './session';
export { redactingDisplay } from './display';
export { sessionGlance, type SessionGlance } from './session-glance';
export { absoluteText, offsetLabel, relativeLabel, type SessionPart } from './session-text';
