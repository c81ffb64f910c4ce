import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Lets the CLI ask for one full collection at the moment it matters: right after JSON.parse,
 * the HAR's source text (often tens of MB) is garbage, and freeing it before the engine builds
 * its index keeps peak memory about 30 % lower on a 10,000-entry HAR (see npm run bench).
 */
export function enableExplicitGc(): void {
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
}

export function collectGarbage(): void {
  gc?.();
}
