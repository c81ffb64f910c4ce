import type { HarEntry } from '../har/types';
import type { SecretInfo, Text, Vault } from '../redact';

export const EXPORT_FORMATS = ['curl', 'curl-cmd', 'powershell', 'fetch', 'node', 'httpie', 'har'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportHeader {
  name: string;
  value: Text;
}

/** A body as text (may hold placeholders) or as exact bytes (HAR base64 bodies). */
export type ExportBody = { kind: 'text'; text: Text } | { kind: 'bytes'; bytes: Uint8Array };

export interface DroppedHeader {
  name: string;
  why: string;
}

/** A HAR request normalised for replay: what every exporter renders, nothing format-specific. */
export interface ExportRequest {
  index?: number;
  /** As captured (case kept: a custom method is sent as written). */
  method: string;
  url: Text;
  headers: ExportHeader[];
  body: ExportBody | null;
  /** Headers left out, and why; each export says so in a comment. */
  dropped: DroppedHeader[];
  /** What could not be reproduced exactly, in words. */
  notes: string[];
  /** Placeholders the request uses: the variables to set before running it. */
  secrets: SecretInfo[];
  redacted: boolean;
  /** Why no target may send this request at all (a method or URL HTTP cannot carry); empty when it can. */
  refused: string[];
}

export interface ExportOptions {
  /** Replace secrets by environment-variable references. */
  redact?: boolean;
  /** Share placeholders with other artefacts (a report); a fresh one otherwise. */
  vault?: Vault;
  /** The entry's position in its log, for the comment line. */
  index?: number;
  /** The rest of the log: with `redact`, its secrets are hidden here too (a cookie another call set). */
  log?: readonly HarEntry[];
}

export type Exporter = (entry: HarEntry, options?: ExportOptions) => string;
