import type { Exchange } from '../model/exchange';
import { clip } from '../redact';
import type { DiffItem } from './types';

function jsonKeys(text: string): string[] | null {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : null;
  } catch {
    return null;
  }
}

/** Bodies compare by size and, for JSON objects, by their top-level keys; values never show. */
export function diffBodies(failing: Exchange, success: Exchange): DiffItem[] {
  const a = failing.requestBody;
  const b = success.requestBody;
  if (a === b) return [];
  if (a === null || b === null) {
    return [
      {
        area: 'body',
        name: 'body',
        change: a === null ? 'removed' : 'added',
        failing: a === null ? null : `${a.length} chars`,
        success: b === null ? null : `${b.length} chars`,
      },
    ];
  }
  const item: DiffItem = {
    area: 'body',
    name: 'body',
    change: 'changed',
    failing: `${a.length} chars`,
    success: `${b.length} chars`,
  };
  const ka = jsonKeys(a);
  const kb = jsonKeys(b);
  if (ka && kb) {
    const only = (x: string[], y: string[]) =>
      x
        .filter((k) => !y.includes(k))
        .slice(0, 20)
        .map((k) => clip(k, 40));
    const parts = [
      only(ka, kb).length ? `fields only in the failing body: ${only(ka, kb).join(', ')}` : '',
      only(kb, ka).length ? `fields only in the successful body: ${only(kb, ka).join(', ')}` : '',
    ].filter(Boolean);
    item.detail = parts.length ? parts.join('; ') : 'same JSON fields, different values';
  }
  return [item];
}
