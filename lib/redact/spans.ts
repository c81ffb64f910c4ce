// Hits of a search (known values, secret shapes) may overlap: a known value inside a shaped one,
// or two known values sharing characters in the text. Each group of overlapping hits is hidden
// as one span: hiding only the first would leave the rest of the others in the clear.

export interface Span<H> {
  /** The group's first hit (it names the span). */
  first: H;
  start: number;
  end: number;
  /** More than one hit: the span is a value of its own, not `first`'s. */
  merged: boolean;
}

/** Groups `hits`, sorted by start, into non-overlapping spans, left to right. */
export function spansOf<H extends { start: number; end: number }>(hits: readonly H[]): Span<H>[] {
  const out: Span<H>[] = [];
  for (let k = 0; k < hits.length;) {
    const first = hits[k]!;
    let end = first.end;
    let n = k + 1;
    while (n < hits.length && hits[n]!.start < end) end = Math.max(end, hits[n++]!.end);
    out.push({ first, start: first.start, end, merged: n > k + 1 });
    k = n;
  }
  return out;
}
