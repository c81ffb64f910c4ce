/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Builds an element; `children` are already-escaped HTML strings. */
export function el(tag: string, attrs: Record<string, string>, ...children: string[]): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
  return `<${tag}${a}>${children.join('')}</${tag}>`;
}

export function text(tag: string, s: string, attrs: Record<string, string> = {}): string {
  return el(tag, attrs, esc(s));
}
