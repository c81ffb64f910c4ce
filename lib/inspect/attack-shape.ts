import type { Exchange } from '../model/exchange';

/**
 * Attack-shaped input in a request: what a web application firewall's core rules look for. Patterns follow
 * the OWASP Core Rule Set's classes (https://coreruleset.org/docs/rules/rules/: 913 scanner detection, 930
 * local file inclusion / path traversal, 932 remote command execution, 941 XSS, 942 SQL injection), kept
 * narrow so that ordinary input (names with apostrophes, "&id=" parameters, HTML-free text) never matches.
 */
export type AttackKind =
  'SQL injection' | 'script injection (XSS)' | 'path traversal' | 'command injection' | 'scanner';

export interface AttackShape {
  kind: AttackKind;
  /** Where the payload sits: the URL, the body, or the User-Agent. */
  where: 'request.line' | 'request.body' | 'request.header';
  /** The matched text, clipped. */
  sample: string;
}

const PAYLOADS: readonly [AttackKind, RegExp][] = [
  // 942: a quote closing a string, then a tautology, a UNION SELECT, a comment, a stacked query or a delay.
  ['SQL injection', /'\s*(?:or|and)\s+['"]?\w+['"]?\s*(?:=|like\b)/i],
  ['SQL injection', /\b(?:or|and)\s+(\d+)\s*=\s*\1\b/i],
  ['SQL injection', /\bunion\b(?:\s|\/\*.*?\*\/)+(?:all\s+)?select\b/i],
  ['SQL injection', /'\s*(?:--|#|\/\*)/],
  ['SQL injection', /;\s*(?:drop|truncate|shutdown)\s+\w/i],
  ['SQL injection', /\b(?:sleep|pg_sleep|benchmark)\s*\(\s*\d|\bwaitfor\s+delay\s+'/i],
  // 941: a script element, a javascript: URL, an inline event handler in a tag.
  ['script injection (XSS)', /<\s*script\b/i],
  ['script injection (XSS)', /\bjavascript\s*:[^\s]/i],
  ['script injection (XSS)', /<[a-z][^>]*\s+on(?:error|load|mouseover|focus|click)\s*=/i],
  // 932: a command separator followed by a common Unix command and an argument or the end.
  ['command injection', /[;|`]\s*(?:cat|ls|id|whoami|uname|wget|curl|nc|bash|sh)(?:\s|$)/i],
  ['command injection', /\$\(\s*(?:cat|id|whoami|uname|curl|wget)\b/i],
  // 930: two or more parent steps, or well-known OS files.
  ['path traversal', /(?:\.\.[/\\]){2,}/],
  ['path traversal', /\/etc\/(?:passwd|shadow)\b|\b(?:boot|win)\.ini\b/i],
];

// 913: security scanners announce themselves (CRS scanners-user-agents.data).
const SCANNER =
  /\b(?:sqlmap|nikto|nmap|masscan|acunetix|nessus|openvas|wpscan|dirbuster|gobuster|nuclei|zgrab|w3af|havij|arachni|netsparker|zmeu)\b/i;

const SCAN_LIMIT = 16 * 1024;

/** Percent-decoding as a server would (twice: WAFs decode double-encoded payloads too), never throwing. */
function decoded(text: string): string {
  let out = text.slice(0, SCAN_LIMIT).replace(/\+/g, ' ');
  for (let i = 0; i < 2; i++) {
    try {
      out = decodeURIComponent(out);
      // Stryker disable next-line BlockStatement: without the break the next try throws as this one did
    } catch {
      break;
    }
  }
  return out;
}

function find(text: string, where: AttackShape['where']): AttackShape | null {
  for (const [kind, re] of PAYLOADS) {
    const m = re.exec(text);
    if (m) return { kind, where, sample: m[0].slice(0, 80) };
  }
  return null;
}

/** The first attack-shaped payload of the request (URL, then body, then a scanner's User-Agent), or null. */
export function attackShapeOf(x: Exchange): AttackShape | null {
  const target = x.url ? x.url.pathname + x.url.search : x.rawUrl;
  const inUrl = find(decoded(target), 'request.line');
  if (inUrl) return inUrl;
  if (x.requestBody) {
    const inBody = find(decoded(x.requestBody), 'request.body');
    if (inBody) return inBody;
  }
  const ua = x.req.get('user-agent');
  const scanner = ua ? SCANNER.exec(ua.slice(0, 1024)) : null;
  return scanner ? { kind: 'scanner', where: 'request.header', sample: ua!.slice(0, 80) } : null;
}
