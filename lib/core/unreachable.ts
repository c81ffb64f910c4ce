/**
 * The end of an exhaustive switch over a closed union: `default: return unreachable(x)`. When a
 * new member is added to the union, `x` is no longer `never` and the switch fails to compile
 * where it forgot the new case (HTTP Toolkit's unreachableCheck). Reaching it at run time means a
 * value from outside the type (a defect), so it throws rather than guessing.
 */
export function unreachable(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
