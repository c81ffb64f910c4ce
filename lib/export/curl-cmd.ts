import type { HarEntry } from '../har/types';
import type { Text } from '../redact';
import { bodyParts, toBase64 } from './bytes';
import { cmdArg, cmdSafe } from './cmd-quote';
import { commentBlock, commentLines, refusal, secretLines } from './comments';
import { cfgEscape } from './powershell';
import { curlDefaultsToRemove, curlPicks, headerText } from './curl';
import { buildExportRequest } from './request';
import type { ExportOptions, ExportRequest } from './types';

const CMD_LINE_LIMIT = 8191;

// Two forms, chosen per request, each total:
// - a plain curl.exe line, only when every byte is printable ASCII with no % or ! (which a
//   saved .cmd file or delayed expansion would expand) and no secret: every character cmd
//   treats specially is caret-escaped, quotes are runtime-escaped (cmd-quote.ts);
// - otherwise a PowerShell one-liner whose only data is base64 and variable names: it builds
//   curl's config in memory (secrets read from the environment and escaped there, never by
//   cmd) and writes it to curl.exe's standard input. No pipe: cmd re-parses each side of one.

function directText(t: Text): boolean {
  return t.every((p) => typeof p === 'string' && cmdSafe(p) && !/[\t%!]/.test(p));
}

function direct(req: ExportRequest): boolean {
  const b = req.body;
  const bodyOk = !b || (b.kind === 'text' && directText(b.text));
  return (
    bodyOk && directText([req.method]) && directText(req.url) && req.headers.every((h) => directText(headerText(h)))
  );
}

function directCommand(req: ExportRequest): string {
  const groups: string[][] = [['curl.exe', '--globoff', '--path-as-is']];
  const body = req.body;
  if (!body && req.method === 'HEAD') groups[0]!.push('--head');
  else if (req.method !== curlPicks(body)) groups[0]!.push('-X', cmdArg([req.method]));
  groups.push(['--url', cmdArg(req.url)]);
  for (const h of req.headers) groups.push(['-H', cmdArg(headerText(h))]);
  for (const n of curlDefaultsToRemove(req)) groups.push(['-H', cmdArg([`${n}:`])]);
  if (body?.kind === 'text') groups.push(['--data-raw', cmdArg(body.text)]);
  return groups.map((g) => g.join(' ')).join(' ^\n  ');
}

/** The fixed PowerShell helpers: V reads a variable (or stops), E writes a value config-escaped, W writes bytes. */
export const PS_PRELUDE =
  "$ErrorActionPreference='Stop';$m=New-Object IO.MemoryStream;" +
  'function W([byte[]]$b){$m.Write($b,0,$b.Length)};' +
  "function V([string]$n){$v=[Environment]::GetEnvironmentVariable($n);if($null -eq $v){throw ('set '+$n+' first')};$v};" +
  'function E([string]$v){$s=[string][char]92;W([Text.Encoding]::UTF8.GetBytes($v.Replace($s,$s+$s).Replace(' +
  "[string][char]34,$s+[char]34).Replace([string][char]9,$s+'t').Replace([string][char]10,$s+'n').Replace(" +
  "[string][char]13,$s+'r').Replace([string][char]11,$s+'v')))};";
export const PS_RUN =
  "$p=New-Object Diagnostics.Process;$p.StartInfo.FileName='curl.exe';$p.StartInfo.Arguments='--config -';" +
  '$p.StartInfo.UseShellExecute=$false;$p.StartInfo.RedirectStandardInput=$true;[void]$p.Start();' +
  '$c=$m.ToArray();$i=$p.StandardInput.BaseStream;$i.Write($c,0,$c.Length);$i.Close();$p.WaitForExit();';

const bytesOf = (s: string) => `W([Convert]::FromBase64String('${toBase64(new TextEncoder().encode(s))}'));`;

/** One `option = "value"` config line as W/E calls. */
function cfgCalls(option: string, t: Text): string {
  let out = bytesOf(`${option} = "`);
  for (const p of t) out += typeof p === 'string' ? bytesOf(cfgEscape(p)) : `E (V '${p.ref}');`;
  return out + bytesOf('"\n');
}

// Stryker disable next-line ConditionalExpression,EqualityOperator: an empty byte run adds nothing to the array, kept or not
const notEmptyRun = (p: Uint8Array | { ref: string }) => !(p instanceof Uint8Array) || p.length > 0;

function psCommand(req: ExportRequest): string {
  let code = PS_PRELUDE + bytesOf('globoff\npath-as-is\n');
  const body = req.body;
  if (!body && req.method === 'HEAD') code += bytesOf('head\n');
  else if (req.method !== curlPicks(body)) code += cfgCalls('request', [req.method]);
  code += cfgCalls('url', req.url);
  for (const h of req.headers) code += cfgCalls('header', headerText(h));
  for (const n of curlDefaultsToRemove(req)) code += cfgCalls('header', [`${n}:`]);
  let cleanup = '';
  if (body) {
    // The exact body bytes go through a temporary file, removed once curl is done.
    // Stryker disable next-line MethodExpression: an empty byte run adds nothing to the array (the filter keeps [byte[]]@() for an empty body)
    const parts = bodyParts(body)
      .filter(notEmptyRun)
      .map((p) =>
        p instanceof Uint8Array
          ? `[Convert]::FromBase64String('${toBase64(p)}')`
          : `[Text.Encoding]::UTF8.GetBytes((V '${p.ref}'))`,
      );
    const bytes = parts.length === 0 ? '[byte[]]@()' : `[byte[]](@() + ${parts.join(' + ')})`;
    code += `$f=[IO.Path]::GetTempFileName();[IO.File]::WriteAllBytes($f,${bytes});`;
    // Stryker disable next-line StringLiteral: curl reads its last config line the same without the closing quote and line break (the variants that break the path are killed)
    code += bytesOf('data-binary = "@') + 'E $f;' + bytesOf('"\n');
    cleanup = 'Remove-Item -LiteralPath $f;';
  }
  return `powershell -NoProfile -Command "${code}${PS_RUN}${cleanup}"`;
}

// cmd.exe reads a caret before a line break as "go on": the limit counts the joined line,
// the next line's indent included.
const lineRead = (command: string) => command.replace(/\^\n/g, '').length;

/**
 * The plain line whenever cmd.exe can carry the request exactly and the line fits; PowerShell
 * when it cannot, or when only PowerShell's form fits (a body of many escaped characters).
 */
function chooseCommand(req: ExportRequest): { command: string; why: string | null } {
  if (!direct(req))
    return {
      command: psCommand(req),
      why: 'cmd.exe cannot carry this request exactly (secrets, % or !, or bytes outside printable ASCII)',
    };
  const plain = directCommand(req);
  if (lineRead(plain) <= CMD_LINE_LIMIT) return { command: plain, why: null };
  const ps = psCommand(req);
  // For a request the plain line can carry, PowerShell's form is a fixed wrapper around base64 (a
  // multiple of 4 characters): 8181, 8185, 8189 measured as a body grows, the next 8193; never 8191.
  // Stryker disable next-line EqualityOperator: see above, so `<` and `<=` choose alike
  return lineRead(ps) <= CMD_LINE_LIMIT
    ? { command: ps, why: `the plain curl.exe line would be over cmd.exe's ${CMD_LINE_LIMIT}-character limit` }
    : { command: plain, why: null };
}

export function renderCurlCmd(req: ExportRequest): string {
  const what = 'curl.exe for Windows cmd.exe';
  if (req.refused.length > 0) return refusal(req, what, req.refused, 'cmd');
  const rem = commentLines(req, what);
  const { command, why } = chooseCommand(req);
  if (why)
    rem.push(
      `PowerShell (on every Windows with curl.exe) hands curl its options as a config on standard input: ${why}.`,
    );
  if (req.secrets.length > 0)
    rem.push(
      'Set these variables first (set "NAME=value"), to the values of the original request:',
      ...secretLines(req),
    );
  if (lineRead(command) > CMD_LINE_LIMIT)
    rem.push(
      `Note: this command is longer than cmd.exe's ${CMD_LINE_LIMIT}-character limit; use the PowerShell export.`,
    );
  return [...commentBlock(rem, 'cmd'), command].join('\n') + '\n';
}

/** curl.exe for cmd.exe: a caret-escaped line, or PowerShell feeding curl a config. */
export function toCurlCmd(entry: HarEntry, options: ExportOptions = {}): string {
  return renderCurlCmd(buildExportRequest(entry, options));
}
