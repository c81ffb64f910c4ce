import type { HarEntry } from '../har/types';
import { learnEntries, sealText, Vault } from '../redact';
import { toCurl } from './curl';
import { toCurlCmd } from './curl-cmd';
import { toFetch } from './fetch';
import { toHarLog } from './har';
import { toHttpie } from './httpie';
import { toNode } from './node';
import { toPowerShell } from './powershell';
import type { ExportFormat, ExportOptions, Exporter } from './types';

export interface ExportTarget {
  id: ExportFormat;
  label: string;
  /** File extension when saved. */
  extension: string;
  run: Exporter;
}

/** Every export format, in menu order (the panel's copy-as list and the CLI's --format). */
export const EXPORTERS: Record<ExportFormat, ExportTarget> = {
  curl: { id: 'curl', label: 'curl (bash, zsh, dash)', extension: 'sh', run: toCurl },
  'curl-cmd': { id: 'curl-cmd', label: 'curl (Windows cmd.exe)', extension: 'cmd', run: toCurlCmd },
  powershell: { id: 'powershell', label: 'PowerShell (5.1 and 7)', extension: 'ps1', run: toPowerShell },
  fetch: { id: 'fetch', label: 'fetch (browser console)', extension: 'js', run: toFetch },
  node: { id: 'node', label: 'Node.js fetch (18+)', extension: 'js', run: toNode },
  httpie: { id: 'httpie', label: 'HTTPie', extension: 'sh', run: toHttpie },
  har: { id: 'har', label: 'HAR (this entry)', extension: 'har', run: toHarLog },
};

/**
 * Renders one entry in one format. Never throws: a broken entry still yields a command.
 * Redacted, the vault first learns the secrets of the whole log (`options.log`), and the
 * finished text gets the final sweep of lib/redact/seal.ts.
 */
export function exportEntry(entry: HarEntry, format: ExportFormat, options: ExportOptions = {}): string {
  if (!options.redact) return EXPORTERS[format].run(entry, options);
  const vault = options.vault ?? new Vault();
  // Stryker disable next-line ArrayDeclaration: a fallback holding a non-entry is skipped by learnEntries, as the empty one is; what the log teaches is stated in har-and-registry.test.ts
  learnEntries([entry, ...(options.log ?? [])], vault);
  return sealText(EXPORTERS[format].run(entry, { ...options, vault }), vault);
}
