/**
 * One pattern from several alternatives, so a long alternation can be written one branch group
 * per line (a diff of one wording is one line). `anyOf(/a/, /b/, 'i')` is `/a|b/i`; each part
 * keeps its own grouping, so write parts that stand alone as alternatives.
 */
export function anyOf(...parts: (RegExp | string)[]): RegExp {
  const flags = typeof parts[parts.length - 1] === 'string' ? (parts.pop() as string) : '';
  return new RegExp((parts as RegExp[]).map((p) => p.source).join('|'), flags);
}
