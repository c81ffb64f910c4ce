import { bodyParts, toBase64 } from './bytes';
import type { ExportBody } from './types';

/**
 * A PowerShell expression for a body's exact bytes: literal runs as base64, placeholders as
 * the UTF-8 of an environment variable read by `env`. Works in Windows PowerShell 5.1 and 7.
 */
export function psBytesExpr(body: ExportBody, env: (name: string) => string): string {
  const parts = bodyParts(body)
    .filter((p) => !(p instanceof Uint8Array) || p.length > 0)
    .map((p) =>
      p instanceof Uint8Array
        ? `[Convert]::FromBase64String('${toBase64(p)}')`
        : `[Text.Encoding]::UTF8.GetBytes(${env(p.ref)})`,
    );
  if (parts.length === 0) return '[byte[]]@()';
  if (parts.length === 1) return `[byte[]](${parts[0]})`;
  return `[byte[]](@() + ${parts.join(' + ')})`;
}
