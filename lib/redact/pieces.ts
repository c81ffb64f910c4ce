/**
 * Text with holes: literal strings and references to secrets held elsewhere. Every artefact
 * that leaves the panel is built from these, so each output format decides how a reference
 * is spelled ("$WHY403_X" in a shell, process.env.WHY403_X in Node, ${WHY403_X} in a HAR)
 * and no format can forget to redact.
 */
export interface SecretRef {
  ref: string;
}
export type Piece = string | SecretRef;
export type Text = Piece[];

export function isRef(p: Piece): p is SecretRef {
  return typeof p !== 'string';
}

/** Concatenates pieces and texts, merging neighbouring literals and dropping empty ones. */
export function joinText(...parts: (Piece | Text)[]): Text {
  const out: Text = [];
  for (const part of parts) {
    for (const p of Array.isArray(part) ? part : [part]) {
      if (typeof p === 'string') {
        if (p === '') continue;
        const last = out[out.length - 1];
        if (typeof last === 'string') out[out.length - 1] = last + p;
        else out.push(p);
      } else out.push(p);
    }
  }
  return out;
}

/** The literal value when the text holds no reference, else null. */
export function plainOf(t: Text): string | null {
  return t.some(isRef) ? null : t.join('');
}

/** Names referenced, in order of first use. */
export function refsOf(t: Text): string[] {
  const out: string[] = [];
  for (const p of t) if (isRef(p) && !out.includes(p.ref)) out.push(p.ref);
  return out;
}

/** How documents (HAR, reports) spell a reference. */
export function docRef(name: string): string {
  return '${' + name + '}';
}

/** Renders a text for reading, spelling references with `spell` (default: `${NAME}`). */
export function displayText(t: Text, spell: (name: string) => string = docRef): string {
  return t.map((p) => (typeof p === 'string' ? p : spell(p.ref))).join('');
}

/** Applies `f` to every literal piece (used to sweep literals for secrets). */
export function mapLiterals(t: Text, f: (s: string) => Text): Text {
  return joinText(...t.map((p) => (typeof p === 'string' ? f(p) : p)));
}
