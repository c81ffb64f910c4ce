// A response body read as JSON only when it can be an error document: small, shallow, and
// starting like JSON. Bounded before parsing so a hostile body costs nothing (structured-error.ts
// reads the documents this returns).

/** Error bodies are small; a body larger than this is a page or data, not a stated reason. */
export const STRUCTURED_MAX = 64 * 1024;
/** Documented error shapes nest a few levels; deeper input is refused before parsing. */
export const STRUCTURED_DEPTH = 32;
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Nesting depth of a JSON text, counted outside strings; stops counting past `limit`. */
export function jsonDepth(text: string, limit = STRUCTURED_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Parses a body as JSON when it looks like one and stays within size and depth. Never throws. */
export function parseJsonBody(text: string | null): Json | undefined {
  if (!text || text.length > STRUCTURED_MAX) return undefined;
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  if (jsonDepth(t) > STRUCTURED_DEPTH) return undefined;
  try {
    return JSON.parse(t) as Json;
  } catch {
    return undefined;
  }
}
