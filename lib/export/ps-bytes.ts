import { bodyParts, toBase64 } from './bytes';
import type { ExportBody } from './types';

// Stryker disable next-line ConditionalExpression,EqualityOperator: keeping an empty run too (true, >=) gives the same bytes; the variants that drop real bytes or placeholders fail the byte-path tests
const nonEmpty = (p: Uint8Array | { ref: string }) => !(p instanceof Uint8Array) || p.length > 0;

/**
 * A PowerShell expression for a body's exact bytes: literal runs as base64, placeholders as
 * the UTF-8 of an environment variable read by `env`. Works in Windows PowerShell 5.1 and 7.
 */
export function psBytesExpr(body: ExportBody, env: (name: string) => string): string {
  // Stryker disable next-line MethodExpression: an empty base64 operand adds no bytes; dropping it only keeps the expression short
  const parts = bodyParts(body)
    .filter(nonEmpty)
    .map((p) =>
      p instanceof Uint8Array
        ? `[Convert]::FromBase64String('${toBase64(p)}')`
        : `[Text.Encoding]::UTF8.GetBytes(${env(p.ref)})`,
    );
  if (parts.length === 0) return '[byte[]]@()';
  // Stryker disable next-line ConditionalExpression: one operand written as @() + it is the same byte[] in PowerShell; the test only keeps the expression short
  if (parts.length === 1) return `[byte[]](${parts[0]})`;
  return `[byte[]](@() + ${parts.join(' + ')})`;
}
