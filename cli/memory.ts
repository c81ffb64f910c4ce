import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// undefined: not looked up yet; null: not available.
let gc: (() => void) | null | undefined;

function explicitGc(): (() => void) | null {
  if (gc !== undefined) return gc;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = null;
  }
  return gc;
}

/**
 * One full collection at the moment it matters: right after JSON.parse, the HAR's source text
 * (often tens of MB) is garbage, and freeing it before the engine builds its index keeps peak
 * memory about 30 % lower on a 10,000-entry HAR (see npm run bench). The collector is looked up
 * on the first call, not at start-up: a new vm context costs about as much as node's own start,
 * and most commands (--help, --version, a small HAR) never need it.
 */
export function collectGarbage(): void {
  explicitGc()?.();
}
