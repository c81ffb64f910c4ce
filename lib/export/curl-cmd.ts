import type { HarEntry } from '../har/types';
import { plainOf } from '../redact';
import { cmdArg, cmdComment, cmdSafe } from './cmd-quote';
import { commentLines, secretLines } from './comments';
import { curlDefaultsToRemove, headerText } from './curl';
import { psBytesExpr } from './ps-bytes';
import { buildExportRequest } from './request';
import type { ExportOptions, ExportRequest } from './types';

const CMD_LINE_LIMIT = 8191;
const RAW_BODY_LIMIT = 4000;

function rawBodyFits(req: ExportRequest): boolean {
  const b = req.body;
  if (!b || b.kind !== 'text') return false;
  const literal = b.text.filter((p): p is string => typeof p === 'string').join('');
  return literal.length < RAW_BODY_LIMIT && cmdSafe(literal);
}

function bodyPipe(req: ExportRequest): string {
  // cmd has no way to write a newline, a CR or arbitrary bytes into an argument; PowerShell
  // (present on every Windows with curl.exe) writes the exact bytes to curl's standard input.
  const expr = psBytesExpr(req.body!, (n) => `$env:${n}`);
  return `powershell -NoProfile -Command "$b=${expr};$o=[Console]::OpenStandardOutput();$o.Write($b,0,$b.Length);$o.Flush()" | `;
}

export function renderCurlCmd(req: ExportRequest): string {
  const rem = commentLines(req, 'curl.exe for Windows cmd.exe');
  const nonAscii = [plainOf(req.url) ?? '', ...req.headers.map((h) => plainOf(h.value) ?? '')].some((s) => !cmdSafe(s));
  if (nonAscii)
    rem.push(
      'Note: a URL or header holds non-ASCII text, which cmd.exe passes in the console code page; the PowerShell export sends exact bytes.',
    );
  rem.push('For the cmd.exe prompt (in a .bat file, double every %).');
  if (req.secrets.length > 0) {
    rem.push(
      'Set these variables first (set "NAME=value"), to the values of the original request; values must not contain " & | < > ^:',
      ...secretLines(req),
    );
  }
  const groups: string[][] = [['curl.exe', '--globoff', '--path-as-is']];
  const body = req.body;
  if (!body && req.method === 'HEAD') groups[0]!.push('--head');
  else if (req.method !== (body ? 'POST' : 'GET')) groups[0]!.push('-X', cmdArg([req.method]));
  groups.push([cmdArg(req.url)]);
  for (const h of req.headers) groups.push(['-H', cmdArg(headerText(h))]);
  for (const n of curlDefaultsToRemove(req)) groups.push(['-H', cmdArg([`${n}:`])]);
  let pipe = '';
  if (body && rawBodyFits(req)) groups.push(['--data-raw', cmdArg(body.kind === 'text' ? body.text : [])]);
  else if (body) {
    pipe = bodyPipe(req);
    groups.push(['--data-binary', '@-']);
  }
  const inner = pipe + groups.map((g) => g.join(' ')).join(' ^\n  ');
  // Unset variables would be sent as the literal text %NAME%; the block then does nothing.
  const command =
    req.secrets.length > 0 ? `${req.secrets.map((s) => `if defined ${s.name} `).join('')}(${inner})` : inner;
  if (command.replace(/ \^\n {2}/g, ' ').length > CMD_LINE_LIMIT)
    rem.push(
      `Note: this command is longer than cmd.exe's ${CMD_LINE_LIMIT}-character limit; use the PowerShell export.`,
    );
  return [...rem.map(cmdComment), command].join('\n') + '\n';
}

/** curl.exe for cmd.exe, quoted for both cmd and the C runtime's argument parser. */
export function toCurlCmd(entry: HarEntry, options: ExportOptions = {}): string {
  return renderCurlCmd(buildExportRequest(entry, options));
}
