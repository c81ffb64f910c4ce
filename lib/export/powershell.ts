import type { HarEntry } from '../har/types';
import { plainOf, type Text } from '../redact';
import { bodyByteLength, hasNul, toBase64 } from './bytes';
import { commentBlock, commentLines, refusal, secretLines } from './comments';
import { curlDefaultsToRemove, curlPicks, headerText } from './curl';
import { psBytesExpr } from './ps-bytes';
import { buildExportRequest } from './request';
import type { ExportOptions, ExportRequest } from './types';

const CONFIG_LINE_LIMIT = 60_000;
const CFG_ESCAPES = new Map<string, string>([
  ['\\', '\\\\'],
  ['"', '\\"'],
  ['\t', '\\t'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\v', '\\v'],
]);

/** Escapes for a double-quoted value in a curl config file (curl's own unescaping rules). */
export function cfgEscape(s: string): string {
  return s.replace(/[\\"\t\n\r\v]/g, (c) => CFG_ESCAPES.get(c)!);
}

/** A PowerShell single-quoted string: only quotes are special, curly ones included. */
export function psSingle(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

/**
 * The one way this export writes text: printable ASCII in single quotes, every other run as
 * the UTF-8 of a base64 literal. Windows PowerShell 5.1 reads a saved .ps1 without a BOM in
 * the ANSI code page, where a UTF-8 byte can turn into a quote (0x92 is U+2019 in cp1252);
 * an ASCII-only script reads the same in every code page, and no control character or line
 * break sits raw in it.
 */
export function psText(s: string): string {
  const runs = s.match(/[\x20-\x7e]+|[^\x20-\x7e]+/gu) ?? [];
  if (runs.length === 0) return "''";
  const parts = runs.map((r) =>
    // Stryker disable next-line Regex: a run is all printable or all not, so any of its characters tells which
    /^[\x20-\x7e]/.test(r)
      ? psSingle(r)
      : `[Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${toBase64(new TextEncoder().encode(r))}'))`,
  );
  return parts.length === 1 ? parts[0]! : `(${parts.join(' + ')})`;
}

/** One `option = "value"` config line as a PowerShell expression (placeholders read at run time). */
function cfgLine(option: string, t: Text): string {
  const plain = plainOf(t);
  if (plain !== null) return psText(`${option} = "${cfgEscape(plain)}"`);
  const parts = [
    psSingle(`${option} = "`),
    ...t.map((p) => (typeof p === 'string' ? psText(cfgEscape(p)) : `(Why403-Cfg (Why403-Env '${p.ref}'))`)),
    psSingle('"'),
  ];
  return `(${parts.join(' + ')})`;
}

const FUNCTIONS = [
  'function Why403-Env([string]$Name) { $v = [Environment]::GetEnvironmentVariable($Name); ' +
    'if ($null -eq $v) { throw "Set `$env:$Name first" }; $v }',
  "function Why403-Cfg([string]$s) { $s.Replace('\\', '\\\\').Replace('\"', '\\\"').Replace([string][char]9, " +
    "'\\t').Replace([string][char]10, '\\n').Replace([string][char]13, '\\r').Replace([string][char]11, " +
    "'\\v') }",
];

export function renderPowerShell(req: ExportRequest): string {
  const what = 'PowerShell 5.1 and 7 (curl.exe)';
  if (req.refused.length > 0) return refusal(req, what, req.refused, 'ps');
  const notes = commentLines(req, what);
  notes.push(
    'Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:',
    'PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.',
  );
  if (req.secrets.length > 0)
    notes.push("Set these first ($env:NAME = '...'), to the values of the original request:", ...secretLines(req));
  const out = commentBlock(notes, 'ps');
  out.push('$OutputEncoding = [System.Text.UTF8Encoding]::new($false)');
  const body = req.body;
  // A curl config cannot hold NUL, and curl 7.x refuses config lines over 100 KiB.
  // Stryker disable next-line EqualityOperator: a body of exactly the limit fits either way
  const binary = body !== null && (hasNul(body) || bodyByteLength(body) > CONFIG_LINE_LIMIT);
  if (req.secrets.length > 0 || binary) out.push(...FUNCTIONS);
  const lines: string[] = [psSingle('globoff'), psSingle('path-as-is')];
  if (!body && req.method === 'HEAD') lines.push(psSingle('head'));
  else if (req.method !== curlPicks(body)) lines.push(cfgLine('request', [req.method]));
  lines.push(cfgLine('url', req.url));
  for (const h of req.headers) lines.push(cfgLine('header', headerText(h)));
  for (const n of curlDefaultsToRemove(req)) lines.push(cfgLine('header', [`${n}:`]));
  if (body && binary) {
    // The exact bytes go through a temporary file this script writes and removes.
    out.push(
      '$why403Body = [System.IO.Path]::GetTempFileName()',
      `[System.IO.File]::WriteAllBytes($why403Body, ${psBytesExpr(body, (n) => `(Why403-Env '${n}')`)})`,
    );
    lines.push(`('data-binary = "@' + (Why403-Cfg $why403Body) + '"')`);
    // A bytes body always holds NUL for hasNul, so it took the branch above.
  } else if (body?.kind === 'text') lines.push(cfgLine('data-raw', body.text));
  out.push('@(', ...lines.map((l) => `  ${l}`), ') | curl.exe --config -');
  if (binary) out.push('Remove-Item -LiteralPath $why403Body');
  return out.join('\n') + '\n';
}

/** PowerShell (5.1 and 7) running curl.exe with a config on stdin: exact in both versions. */
export function toPowerShell(entry: HarEntry, options: ExportOptions = {}): string {
  return renderPowerShell(buildExportRequest(entry, options));
}
