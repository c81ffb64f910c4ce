import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Har } from '../../lib/har/types';
import { makeHar, type EntrySpec } from './har';

/**
 * A cause fixture: a documented real response, rebuilt as a HAR. `source` cites where the
 * response shape is documented; `expect` says what the engine must conclude for `target`.
 */
export interface CauseFixture {
  source: string;
  note?: string;
  /** Index of the entry under test (default: the last entry). */
  target?: number;
  expect: {
    /** The first cause. */
    top: string;
    /** Further ids that must appear among the causes (e.g. the 403 a CORS error hides). */
    also?: string[];
    /** Ids that must not appear. */
    not?: string[];
  };
  entries: EntrySpec[];
}

export interface NegativeFixture {
  source: string;
  note?: string;
  entries: EntrySpec[];
}

export interface Loaded<T> {
  file: string;
  fixture: T;
  har: Har;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : name.endsWith('.json') ? [p] : [];
  });
}

export function loadFixtures<T extends { entries: EntrySpec[] }>(dir: string): Loaded<T>[] {
  return walk(dir)
    .sort()
    .map((file) => {
      const fixture = JSON.parse(readFileSync(file, 'utf8')) as T;
      return { file: relative(dir, file), fixture, har: makeHar(fixture.entries) };
    });
}
