import type { HarEntry } from '../har/types';
import { joinText, plainOf, type Text } from '../redact';
import { bodyByteLength, bodyParts, hasNul } from './bytes';
import { commentBlock, commentLines, refusal, secretLines } from './comments';
import { printfCommand, shGuard, shSingle, shWord } from './posix';
import { buildExportRequest } from './request';
import type { ExportHeader, ExportOptions, ExportRequest } from './types';

// HTTPie 3 reads its command line with argparse and its own item syntax
// (httpie/cli/argparser.py, httpie/cli/argtypes.py); what it sends goes through Python
// requests. Each rule below was checked against HTTPie 3.2.1 and an echo server.

/**
 * HTTPie takes METHOD only when it is letters (anything else is read as the URL) and sends it
 * upper-cased, so only an upper-case letter method round-trips.
 */
function methodProblem(method: string): string | null {
  return /^[A-Z]+$/.test(method) ? null : `HTTPie can only send a method of capital letters, not ${method}`;
}

// requests re-quotes the URL: it decodes escapes of unreserved characters, upper-cases hex,
// encodes everything outside RFC 3986's sets, and with an invalid escape encodes every "%".
// A URL made only of the characters it leaves alone, with upper-case escapes of reserved
// bytes, is sent exactly as recorded.
const STABLE_URL = /^https?:\/\/[A-Za-z0-9.:[\]-]+(?:[/?](?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-F]{2})*)?$/;
const UNRESERVED_ESCAPE = /%(?:2D|2E|3[0-9]|4[1-9A-F]|5[0-9A]|5F|6[1-9A-F]|7[0-9A]|7E)/;

function urlProblem(url: Text): string | null {
  // A secret's value is checked when the command runs (runtimeChecks); here it stands for "x".
  const plain = url.map((p) => (typeof p === 'string' ? p : 'x')).join('');
  // An empty query ("?" with nothing after it) is dropped by requests.
  if (!STABLE_URL.test(plain) || UNRESERVED_ESCAPE.test(plain) || /\?$/.test(plain))
    return 'HTTPie (Python requests) would re-encode this URL, so it would not reach the server as recorded';
  return null;
}

/**
 * Why a header cannot be an HTTPie item: a backslash before : = @ ; is read as an escape and
 * no spelling keeps it; requests strips the value's surrounding whitespace.
 */
function headerProblem(h: ExportHeader): string | null {
  // A placeholder (checked when the command runs) reads as "[object Object]" to a regex: no
  // backslash, no whitespace at either end, so the string tests below are type guards only.
  const escapes = (p: Text[number], i: number) => {
    // Stryker disable next-line ConditionalExpression: a type guard (see above)
    if (typeof p !== 'string') return false;
    return /\\[:=@;]/.test(p) || (/\\$/.test(p) && i < h.value.length - 1);
  };
  if (h.value.some(escapes)) return 'a backslash HTTPie reads as an escape';
  const first = h.value[0];
  const last = h.value[h.value.length - 1];
  // Stryker disable next-line ConditionalExpression: a type guard (see above)
  const starts = typeof first === 'string' && /^[ \t]/.test(first);
  // Stryker disable next-line ConditionalExpression: a type guard (see above)
  const ends = typeof last === 'string' && /[ \t]$/.test(last);
  if (starts || ends) return 'whitespace around the value, which HTTPie strips';
  return null;
}

/** A header item: `Name:value`, `Name;` when empty; a leading = or @ (`:=` JSON, `:@` file) escaped. */
function headerItem(h: ExportHeader): Text {
  if (plainOf(h.value) === '') return [`${h.name};`];
  const [first, ...rest] = h.value;
  // Stryker disable next-line ConditionalExpression: a type guard ("[object Object]" starts with neither = nor @)
  const lead = typeof first === 'string' && /^[=@]/.test(first) ? `\\${first}` : first;
  // Stryker disable next-line StringLiteral: an empty value (no piece) returned above as `Name;`, so first is defined here
  return joinText(`${h.name}:`, lead ?? '', ...rest);
}

/**
 * Shell lines that stop the command when a secret's value, set by the user, would be read
 * differently by HTTPie: in a header, a backslash (escape), a leading = or @ (item syntax) or
 * surrounding whitespace (stripped); in the URL, anything requests would re-encode.
 */
function runtimeChecks(req: ExportRequest, sent: ExportHeader[]): string[] {
  const refs = (t: Text) => t.filter((p): p is { ref: string } => typeof p !== 'string').map((p) => p.ref);
  const inHeaders = new Set(sent.flatMap((h) => refs(h.value)));
  const inUrl = new Set(refs(req.url));
  const out: string[] = [];
  for (const name of [...new Set([...inHeaders, ...inUrl])]) {
    const bad = [
      ...(inHeaders.has(name) ? ['*\\\\*', '[=@]*', '[[:space:]]*', '*[[:space:]]'] : []),
      ...(inUrl.has(name) ? ['*[!A-Za-z0-9._~+/=-]*'] : []),
    ];
    out.push(
      `case "$${name}" in ${bad.join('|')}) echo 'why403: ${name} holds text HTTPie would change; ` +
        `use the curl export' >&2; false;; esac && \\`,
    );
  }
  return out;
}

const ARG_LIMIT = 100_000;

// HTTPie sends these unless the request names them; `Name:` (empty) removes one. A removed
// User-Agent would come back as urllib3's, so HTTPie's own is left.
const HTTPIE_DEFAULTS = ['Accept', 'Accept-Encoding', 'Connection'];

export function renderHttpie(req: ExportRequest): string {
  const what = 'HTTPie 3+ for bash, zsh and dash';
  const refused = [...req.refused];
  if (refused.length === 0) refused.push(...[methodProblem(req.method), urlProblem(req.url)].filter((p) => p !== null));
  if (refused.length > 0) return refusal(req, what, refused, 'sh');
  const lines = commentLines(req, what);
  const left = req.headers.map((h) => [h, headerProblem(h)] as const).filter(([, p]) => p !== null);
  if (left.length > 0)
    lines.push(
      `Left out, HTTPie cannot send them as recorded: ${left.map(([h, p]) => `${h.name} (${p})`).join('; ')}.`,
    );
  lines.push('Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.');
  const added = ['User-Agent', 'Accept-Encoding'].filter(
    (n) => !req.headers.some((h) => h.name.toLowerCase() === n.toLowerCase()),
  );
  if (added.length > 0) lines.push(`HTTPie always sends ${added.join(' and ')}, its own when the request had none.`);
  if (req.secrets.length > 0)
    lines.push('Set these environment variables first, to the values of the original request:', ...secretLines(req));
  const out = commentBlock(lines, 'sh');
  const sent = req.headers.filter((h) => headerProblem(h) === null);
  const body = req.body;
  // Bytes an argument cannot hold (NUL) or too many for one (Linux: 128 KiB) go through printf.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: printf and --raw send the same bytes; the limit only keeps one argument under Linux's 128 KiB
  const long = body !== null && bodyByteLength(body) > ARG_LIMIT;
  const piped = body !== null && (hasNul(body) || long);
  const words = ['http', ...(piped ? [] : ['--ignore-stdin']), '--ignore-netrc', '--path-as-is'];
  // --raw=VALUE: a separate value starting with "-" would be read as an option.
  // A body not piped is text: hasNul() holds for every byte body.
  if (body?.kind === 'text' && !piped) words.push(shWord(joinText('--raw=', body.text)));
  words.push('--', req.method, shWord(req.url));
  for (const h of sent) words.push(shWord(headerItem(h)));
  const has = (n: string) => sent.some((h) => h.name.toLowerCase() === n.toLowerCase());
  for (const n of [...HTTPIE_DEFAULTS, ...(body ? ['Content-Type'] : [])]) if (!has(n)) words.push(shSingle(`${n}:`));
  const prefix = [
    req.secrets.length > 0 ? `${shGuard(req.secrets.map((s) => s.name))} && \\` : null,
    ...runtimeChecks(req, sent),
    // Stryker disable next-line LogicalOperator: unpiped, http runs with --ignore-stdin and reads none of what printf would pipe
    piped && body ? `${printfCommand(bodyParts(body))} | \\` : null,
  ];
  return [...out, ...prefix.filter((s): s is string => s !== null), words.join(' \\\n  ')].join('\n') + '\n';
}

/** HTTPie command line (POSIX shell quoting), body via --raw or piped bytes. */
export function toHttpie(entry: HarEntry, options: ExportOptions = {}): string {
  return renderHttpie(buildExportRequest(entry, options));
}
