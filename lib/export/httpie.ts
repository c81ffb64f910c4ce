import type { HarEntry } from '../har/types';
import { joinText, plainOf, type Text } from '../redact';
import { hasNul, bodyParts } from './bytes';
import { commentLines, secretLines } from './comments';
import { printfCommand, shBare, shGuard, shSingle, shWord } from './posix';
import { buildExportRequest } from './request';
import type { ExportHeader, ExportOptions, ExportRequest } from './types';

/**
 * A header item for HTTPie: `Name:value`, `Name;` when empty. A value starting with = or @
 * would read as `:=` (JSON) or `:@` (value from a file), so that first character is escaped.
 */
function headerItem(h: ExportHeader): Text {
  const plain = plainOf(h.value);
  if (plain !== null && plain.trim() === '') return [`${h.name};`];
  const [first, ...rest] = h.value;
  const lead = typeof first === 'string' && /^[=@]/.test(first) ? `\\${first}` : first;
  return joinText(`${h.name}:`, lead ?? '', ...rest);
}

// HTTPie sends these unless the request names them; `Name:` (empty) removes one.
const HTTPIE_DEFAULTS = ['User-Agent', 'Accept', 'Accept-Encoding', 'Connection'];

export function renderHttpie(req: ExportRequest): string {
  const out = commentLines(req, 'HTTPie 3+ for bash, zsh and dash').map((l) => `# ${l}`);
  out.push(
    '# HTTPie (Python requests) may re-encode percent-escapes in the URL; use the curl export when the exact bytes matter.',
  );
  const escapes = req.headers.filter((h) => h.value.some((p) => typeof p === 'string' && /\\[:=@;]/.test(p)));
  if (escapes.length > 0)
    out.push(
      `# HTTPie reads \\: \\= \\@ \\; as escapes; these headers hold such text and change: ${escapes.map((h) => h.name).join(', ')}.`,
    );
  if (req.secrets.length > 0)
    out.push(
      '# Set these environment variables first, to the values of the original request:',
      ...secretLines(req).map((l) => `#${l}`),
    );
  const body = req.body;
  const piped = body !== null && hasNul(body);
  const words = ['http', ...(piped ? [] : ['--ignore-stdin']), '--path-as-is'];
  if (body && !piped) words.push('--raw', shWord(body.kind === 'text' ? body.text : []));
  words.push(shBare(req.method), shWord(req.url));
  for (const h of req.headers) words.push(shWord(headerItem(h)));
  const has = (n: string) => req.headers.some((h) => h.name.toLowerCase() === n.toLowerCase());
  for (const n of [...HTTPIE_DEFAULTS, ...(body ? ['Content-Type'] : [])]) if (!has(n)) words.push(shSingle(`${n}:`));
  const prefix = [
    req.secrets.length > 0 ? `${shGuard(req.secrets.map((s) => s.name))} && \\` : null,
    piped && body ? `${printfCommand(bodyParts(body))} | \\` : null,
  ];
  return [...out, ...prefix.filter((s): s is string => s !== null), words.join(' \\\n  ')].join('\n') + '\n';
}

/** HTTPie command line (POSIX shell quoting), body via --raw or piped bytes. */
export function toHttpie(entry: HarEntry, options: ExportOptions = {}): string {
  return renderHttpie(buildExportRequest(entry, options));
}
