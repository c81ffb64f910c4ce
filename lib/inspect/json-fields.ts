import type { Json } from './json-body';
import type { ErrorFamily, StatedError } from './stated-error';

// Small, bounded readers of JSON fields shared by the error readers (structured-error.ts,
// graphql-errors.ts): a code is short and on one line, a message is clipped, lists are capped.

export const MAX_ITEMS = 20;
const CODE_MAX = 120;
const MESSAGE_MAX = 600;

export type Obj = { [k: string]: Json };

export function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? t.slice(0, MESSAGE_MAX) : undefined;
  }
  // OData v3 / Azure AD Graph: "message": {"lang": "en", "value": "…"}
  if (isObj(v)) return str(v.value);
  return undefined;
}

export function code(v: Json | undefined): string | undefined {
  if (Number.isInteger(v)) return String(v);
  const s = typeof v === 'string' ? v.trim() : '';
  return s && s.length <= CODE_MAX && !/[\r\n]/.test(s) ? s : undefined;
}

export function items(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v.slice(0, MAX_ITEMS) : [];
}

export function push(
  out: StatedError[],
  family: ErrorFamily,
  c: string | undefined,
  at: string,
  message?: string,
): void {
  if (c !== undefined && (c !== '' || message)) out.push({ family, code: c, at, ...(message ? { message } : {}) });
}
