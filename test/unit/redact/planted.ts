import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Har } from '../../../lib/har/types';

const FILE = join(import.meta.dirname, '..', '..', 'fixtures', 'export', 'planted-secrets.json');

/** The planted-secrets corpus: a HAR and every secret string hidden in it. */
export function loadPlanted(): { har: Har; planted: string[] } {
  return JSON.parse(readFileSync(FILE, 'utf8')) as { har: Har; planted: string[] };
}

/** The planted strings found in `text` (also URL-encoded and JSON-escaped forms). */
export function leaks(text: string, planted: string[]): string[] {
  return planted.filter((p) =>
    [p, encodeURIComponent(p), JSON.stringify(p).slice(1, -1)].some((form) => text.includes(form)),
  );
}
