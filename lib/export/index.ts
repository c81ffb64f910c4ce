// Exporters: a HAR entry as a command or file that reproduces the request exactly, or,
// redacted, with each secret as an environment-variable reference.
export {
  EXPORT_FORMATS,
  isExportFormat,
  type ExportFormat,
  type ExportOptions,
  type ExportRequest,
  type Exporter,
} from './types';
export { EXPORTERS, exportEntry, type ExportTarget } from './registry';
export { buildExportRequest } from './request';
export { toCurl } from './curl';
export { toCurlCmd } from './curl-cmd';
export { toPowerShell } from './powershell';
export { toFetch } from './fetch';
export { toNode } from './node';
export { toHttpie } from './httpie';
export { toHarLog } from './har';
