import type { HarEntry } from '../har/types';
import { joinText, plainOf, type Text } from '../redact';
import { bodyByteLength, bodyParts, hasNul } from './bytes';
import { commentBlock, commentLines, refusal, secretLines } from './comments';
import { printfCommand, shBare, shGuard, shSingle, shWord } from './posix';
import { buildExportRequest } from './request';
import type { ExportHeader, ExportOptions, ExportRequest } from './types';

// Linux caps one argument at 128 KiB (MAX_ARG_STRLEN); bigger bodies go through printf,
// a shell builtin, which has no such limit.
const ARG_LIMIT = 100_000;

/** `Name: value`, or `Name;` for an empty value (`Name:` would remove the header). */
export function headerText(h: ExportHeader): Text {
  const plain = plainOf(h.value);
  return plain !== null && plain.trim() === '' ? [`${h.name};`] : joinText(`${h.name}: `, h.value);
}

/** Headers curl adds on its own that the capture did not have: `-H 'Name:'` removes them. */
export function curlDefaultsToRemove(req: ExportRequest): string[] {
  const has = (n: string) => req.headers.some((h) => h.name.toLowerCase() === n);
  const out = ['User-Agent', 'Accept'];
  if (req.body) out.push('Content-Type');
  // curl asks "Expect: 100-continue" before bodies over 1 KiB (HTTP/1.1); the browser never does.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: removing Expect from a smaller body too changes nothing sent (-H 'Expect:' removes a header curl would not add); variants that keep it on large bodies are killed
  if (req.body && bodyByteLength(req.body) > 1024) out.push('Expect');
  return out.filter((n) => !has(n.toLowerCase()));
}

/** The method curl sends on its own: POST with a body, GET without; any other needs -X / request. */
export function curlPicks(body: ExportRequest['body']): string {
  // Stryker disable next-line StringLiteral: naming the method curl picks anyway (-X GET, -X POST) sends the same request
  return body ? 'POST' : 'GET';
}

/** curl's words (already POSIX-quoted), one group per line, and a printf to pipe in if needed. */
export function curlWords(req: ExportRequest): { groups: string[][]; stdin: string | null } {
  const groups: string[][] = [['curl', '--globoff', '--path-as-is']];
  const body = req.body;
  if (!body && req.method === 'HEAD') groups[0]!.push('--head');
  else if (req.method !== curlPicks(body)) groups[0]!.push('-X', shBare(req.method));
  // --url: a URL starting with "-" would otherwise read as an option.
  groups.push(['--url', shWord(req.url)]);
  for (const h of req.headers) groups.push(['-H', shWord(headerText(h))]);
  for (const n of curlDefaultsToRemove(req)) groups.push(['-H', shSingle(`${n}:`)]);
  let stdin: string | null = null;
  if (body) {
    // The limit is in bytes: counted in characters, 50,000 "€" (150 kB) passed as one argument.
    if (!hasNul(body) && bodyByteLength(body) < ARG_LIMIT)
      // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a bytes body always has hasNul true, so only text reaches here; the test is for the type checker
      groups.push(['--data-raw', shWord(body.kind === 'text' ? body.text : [])]);
    else {
      stdin = printfCommand(bodyParts(body));
      groups.push(['--data-binary', '@-']);
    }
  }
  return { groups, stdin };
}

export function renderCurl(req: ExportRequest): string {
  const what = 'curl for bash, zsh and dash';
  if (req.refused.length > 0) return refusal(req, what, req.refused, 'sh');
  const lines = commentLines(req, what);
  lines.push(
    '--globoff and --path-as-is send the URL as captured; --data-raw never reads a file; -H ' +
      "'Name:' stops curl adding a header the browser did not send.",
  );
  if (req.secrets.length > 0)
    lines.push('Set these environment variables first, to the values of the original request:', ...secretLines(req));
  const out = commentBlock(lines, 'sh');
  const { groups, stdin } = curlWords(req);
  const prefix = [
    req.secrets.length > 0 ? `${shGuard(req.secrets.map((s) => s.name))} && \\` : null,
    stdin ? `${stdin} | \\` : null,
  ].filter((s): s is string => s !== null);
  return [...out, ...prefix, groups.map((g) => g.join(' ')).join(' \\\n  ')].join('\n') + '\n';
}

/** POSIX curl (bash, zsh, dash) reproducing the request byte for byte. */
export function toCurl(entry: HarEntry, options: ExportOptions = {}): string {
  return renderCurl(buildExportRequest(entry, options));
}
