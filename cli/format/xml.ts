import { escapeControls } from '../terminal';

const ENTITIES = new Map<string, string>([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);

/**
 * Text for XML 1.0 content or a quoted attribute. Our own line breaks are kept in content;
 * anything from a capture has been through escapeControls already, which also removes what
 * XML 1.0 cannot carry at all (C0 controls, lone surrogates, U+FFFE/U+FFFF).
 */
export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES.get(c)!);
}

/** An attribute value from captured data: one line, escaped. */
export function xmlAttr(s: string): string {
  return xmlText(escapeControls(s));
}
