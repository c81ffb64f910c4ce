import { clip, redactBody, redactHeader, redactUrl, renderDoc, sweep, Vault } from '../redact';

/** How the report shows values: redacted through one vault, or as they are. */
export interface Display {
  header(name: string, value: string, side: 'request' | 'response'): string;
  url(raw: string): string;
  /** Redacts a whole body, then cuts what is shown (cutting first could split a secret). */
  body(text: string, contentType: string, where: string, max: number): { text: string; truncated: boolean };
  /** Free text (evidence, titles): swept for known secrets, JWTs and credentials. */
  text(s: string): string;
}

function cut(s: string, max: number): { text: string; truncated: boolean } {
  return s.length > max ? { text: s.slice(0, max), truncated: true } : { text: s, truncated: false };
}

export function redactingDisplay(vault: Vault): Display {
  return {
    header: (name, value, side) => renderDoc(redactHeader(name, value, vault, side), vault),
    url: (raw) => renderDoc(redactUrl(raw, vault, 'URL'), vault),
    body: (text, ct, where, max) => cut(renderDoc(redactBody(text, ct, vault, where), vault), max),
    text: (s) => renderDoc(sweep([s], vault, 'report text'), vault),
  };
}

export const plainDisplay: Display = {
  header: (_n, value) => value,
  url: (raw) => raw,
  body: (text, _ct, _w, max) => cut(text, max),
  text: (s) => s,
};

/** Header values as one printable line each, whatever they held. */
export function oneLine(s: string, max = 4000): string {
  return clip(s, max);
}
