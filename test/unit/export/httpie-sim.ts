// A model of how HTTPie 3 reads its command line (httpie/cli/argtypes.py, KeyValueArgType):
// backslash escapes a separator character; the earliest (then longest) separator in the
// first unescaped token decides what an item is.
const SEPARATORS = [':=@', '=@', ':@', '==', ':=', ':', ';', '=', '@'];
const SPECIAL = new Set(':=@;');

type Tok = { escaped: boolean; text: string };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [{ escaped: false, text: '' }];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const next = s[++i] ?? '';
      if (SPECIAL.has(next)) out.push({ escaped: true, text: next }, { escaped: false, text: '' });
      else out[out.length - 1]!.text += `\\${next}`;
    } else out[out.length - 1]!.text += c;
  }
  return out;
}

export function parseItem(s: string): { key: string; sep: string; value: string } {
  const toks = tokenize(s);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.escaped) continue;
    let best: { pos: number; sep: string } | null = null;
    for (const sep of SEPARATORS) {
      const pos = t.text.indexOf(sep);
      if (pos !== -1 && (!best || pos < best.pos || (pos === best.pos && sep.length > best.sep.length)))
        best = { pos, sep };
    }
    if (best) {
      const key =
        toks
          .slice(0, i)
          .map((x) => x.text)
          .join('') + t.text.slice(0, best.pos);
      const value =
        t.text.slice(best.pos + best.sep.length) +
        toks
          .slice(i + 1)
          .map((x) => x.text)
          .join('');
      return { key, sep: best.sep, value };
    }
  }
  throw new Error(`${JSON.stringify(s)} is not a valid item`);
}

export interface HttpieRequest {
  method: string;
  url: string;
  headers: { name: string; value: string }[];
  /** Defaults removed with `Name:`. */
  unset: string[];
  body: Buffer | null;
}

/** Reads HTTPie's argv (and piped stdin) the way HTTPie would. */
export function readHttpie(argv: string[], stdin: Buffer): HttpieRequest {
  let i = 0;
  let raw: string | null = null;
  let ignoreStdin = false;
  for (; argv[i]?.startsWith('--'); i++) {
    if (argv[i] === '--raw') raw = argv[++i]!;
    else if (argv[i] === '--ignore-stdin') ignoreStdin = true;
    else if (argv[i] !== '--path-as-is') throw new Error(`unknown flag ${argv[i]}`);
  }
  const method = argv[i++]!;
  const url = argv[i++]!;
  const headers: HttpieRequest['headers'] = [];
  const unset: string[] = [];
  for (const item of argv.slice(i)) {
    const { key, sep, value } = parseItem(item);
    if (sep === ';') headers.push({ name: key, value: '' });
    else if (sep !== ':') throw new Error(`${JSON.stringify(item)} would be read as a "${sep}" item, not a header`);
    else if (value === '') unset.push(key);
    else headers.push({ name: key, value });
  }
  if (raw !== null && !ignoreStdin) throw new Error('--raw with stdin open');
  return { method, url, headers, unset, body: raw !== null ? Buffer.from(raw, 'utf8') : ignoreStdin ? null : stdin };
}
