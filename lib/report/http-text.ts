import type { ReportExchange } from './model';
import { oneLine } from './display';

function requestTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** The request as HTTP/1.1-style text: request line, headers, body excerpt. */
export function requestText(x: ReportExchange): string {
  const lines = [`${x.method} ${requestTarget(x.url)} ${x.httpVersion || 'HTTP/1.1'}`];
  let host: string;
  try {
    host = new URL(x.url).host;
  } catch {
    host = '';
  }
  if (host && !x.requestHeaders.some((h) => h.name.toLowerCase() === 'host' || h.name === ':authority'))
    lines.push(`(host: ${host})`);
  for (const h of x.requestHeaders) lines.push(`${h.name}: ${h.value}`);
  if (x.requestBody) {
    lines.push('');
    lines.push(x.requestBody.excerpt ?? `(${x.requestBody.note ?? 'body not shown'})`);
    if (x.requestBody.truncated) lines.push(`… (${x.requestBody.size} characters in all)`);
  }
  return lines.join('\n');
}

/** The response as text: status line, headers, body excerpt. */
export function responseText(x: ReportExchange): string {
  const lines = [`${x.httpVersion || 'HTTP/1.1'} ${x.status} ${x.statusText}`.trim()];
  for (const h of x.responseHeaders) lines.push(`${h.name}: ${h.value}`);
  if (x.responseBody) {
    lines.push('');
    lines.push(x.responseBody.excerpt ?? `(${x.responseBody.note ?? 'body not shown'})`);
    if (x.responseBody.truncated) lines.push('… (cut)');
  }
  return lines.join('\n');
}

export function statusLine(x: ReportExchange, cors: boolean): string {
  const status = x.status === 0 ? 'no status' : `${x.status}${x.statusText ? ` ${x.statusText}` : ''}`;
  return oneLine(
    `Entry ${x.index}: ${x.method} ${x.url} → ${status}${cors ? ', blocked by the browser (CORS)' : ''}`,
    400,
  );
}
