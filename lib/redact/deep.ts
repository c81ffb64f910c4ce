// Every string of a JSON-like structure, mapped without recursion: a HAR's extras may nest
// deeper than the call stack (a crafted `_x` 100,000 objects deep), and a depth cut-off would
// let whatever sits below it through.

type Frame = {
  src: unknown[] | Record<string, unknown>;
  dst: unknown[] | Record<string, unknown>;
  keys: string[];
  at: number;
};

function shell(v: object): { dst: unknown[] | Record<string, unknown>; keys: string[] } {
  if (Array.isArray(v)) return { dst: [] as unknown[], keys: v.map((_, i) => String(i)) };
  return { dst: {}, keys: Object.keys(v) };
}

/** A copy of `value` with `f` applied to every string (and object key, with `key`). */
export function mapStrings<T>(value: T, f: (s: string) => string, key: (k: string) => string = (k) => k): T {
  if (typeof value === 'string') return f(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const root = shell(value);
  const stack: Frame[] = [{ src: value as never, dst: root.dst, keys: root.keys, at: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.at >= top.keys.length) {
      stack.pop();
      continue;
    }
    const k = top.keys[top.at++]!;
    const v = (top.src as Record<string, unknown>)[k];
    const outKey = Array.isArray(top.dst) ? k : key(k);
    let out: unknown = v;
    if (typeof v === 'string') out = f(v);
    else if (v !== null && typeof v === 'object') {
      const s = shell(v);
      out = s.dst;
      stack.push({ src: v as never, dst: s.dst, keys: s.keys, at: 0 });
    }
    // defineProperty, not `=`: a captured key named `__proto__` stays data, never a prototype.
    Object.defineProperty(top.dst, outKey, { value: out, enumerable: true, writable: true, configurable: true });
  }
  return root.dst as T;
}
