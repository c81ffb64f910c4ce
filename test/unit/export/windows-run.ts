// Turns parsed Windows exports back into something runnable here: the argv curl.exe would
// get (run with the real curl), and the bytes PowerShell would write.

// One operand: base64 bytes, or the UTF-8 of a variable ($env:NAME or the export's helper).
const BYTES_PART =
  /\[Convert\]::FromBase64String\('([A-Za-z0-9+/=]*)'\)|\[Text\.Encoding\]::UTF8\.GetBytes\((?:\$env:(\w+)|\(Why403-Env '(\w+)'\))\)/
    .source;
// The byte[] shapes PowerShell reads: none, one operand, or operands joined with + (an array
// concatenation, which @() at the front guarantees), all cast to byte[].
const BYTES_EXPR = new RegExp(
  String.raw`^\[byte\[\]\](?:@\(\)|\((?:@\(\) \+ )?(?:${BYTES_PART})(?: \+ (?:${BYTES_PART}))*\))$`,
);

/** Evaluates the byte expressions our exports write: base64 literals and UTF-8 of env vars. */
export function psBytes(expr: string, env: (name: string) => string): Buffer {
  // PowerShell would stop at anything else: an empty operand, a stray +, an unclosed cast.
  if (!BYTES_EXPR.test(expr)) throw new Error(`not a PowerShell byte[] expression: ${expr.slice(0, 200)}`);
  const parts: Buffer[] = [];
  const re = new RegExp(BYTES_PART, 'g');
  for (const m of expr.matchAll(re))
    parts.push(m[1] !== undefined ? Buffer.from(m[1], 'base64') : Buffer.from(env(m[2] ?? m[3]!), 'utf8'));
  return Buffer.concat(parts);
}

/** The stdin a `powershell -Command "$b=…;…Write($b…)"` stage produces. */
export function powershellStage(argv: string[], env: Record<string, string>): Buffer {
  if (argv[0] !== 'powershell' || argv[1] !== '-NoProfile' || argv[2] !== '-Command' || argv.length !== 4)
    throw new Error(`unexpected pipe stage ${JSON.stringify(argv)}`);
  const m = /^\$b=(.*?);\$o=\[Console\]::OpenStandardOutput\(\);\$o\.Write\(\$b,0,\$b\.Length\);\$o\.Flush\(\)$/.exec(
    argv[3]!,
  );
  if (!m) throw new Error(`unexpected PowerShell command ${argv[3]}`);
  return psBytes(m[1]!, (n) => {
    const v = env[n];
    if (v === undefined) throw new Error(`$env:${n} not set`);
    return v;
  });
}

/** What the cmd export's PowerShell one-liner hands curl.exe: its config, and the body file it writes. */
export interface PsCurlRun {
  config: Buffer;
  bodyFile: Buffer | null;
}

/** Reads E's .Replace(a, b) chain, evaluating each operand as PowerShell would. */
function escapeChain(code: string): [string, string][] {
  const m =
    /function E\(\[string\]\$v\)\{\$s=\[string\]\[char\]92;W\(\[Text\.Encoding\]::UTF8\.GetBytes\(\$v((?:\.Replace\([^()]*\))+)\)\)\};/.exec(
      code,
    );
  if (!m) throw new Error('no E function in the PowerShell command');
  const operand = (a: string): string =>
    a
      .split('+')
      .map((x) => {
        if (x === '$s') return '\\';
        const ch = /^(?:\[string\])?\[char\](\d+)$/.exec(x);
        if (ch) return String.fromCharCode(Number(ch[1]));
        const q = /^'([^']*)'$/.exec(x);
        if (q) return q[1]!;
        throw new Error(`unexpected operand ${x}`);
      })
      .join('');
  return [...m[1]!.matchAll(/\.Replace\(([^(),]+),([^(),]+)\)/g)].map((r) => [operand(r[1]!), operand(r[2]!)]);
}

/**
 * Interprets the cmd export's `powershell -NoProfile -Command "…"`: the data between the fixed
 * prelude and the run block may only be base64 writes, escaped variables and the body file.
 */
export function powershellCurl(argv: string[], env: Record<string, string>, bodyPath: string): PsCurlRun {
  if (argv[0] !== 'powershell' || argv[1] !== '-NoProfile' || argv[2] !== '-Command' || argv.length !== 4)
    throw new Error(`unexpected command ${JSON.stringify(argv)}`);
  const code = argv[3]!;
  if (/["%!\r\n]/.test(code)) throw new Error('the PowerShell command holds a character cmd would act on');
  let depth = 0;
  for (const c of code.replace(/'[^']*'/g, "''")) {
    depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
    if (depth < 0) throw new Error('unbalanced brackets in the PowerShell command');
  }
  if (depth !== 0) throw new Error('unbalanced brackets in the PowerShell command');
  const chain = escapeChain(code);
  const escape = (v: string) => chain.reduce((s, [a, b]) => s.split(a).join(b), v);
  const start = code.indexOf('};', code.indexOf('function E(')) + 2;
  const end = code.indexOf('$p=New-Object Diagnostics.Process;');
  if (start < 2 || end < 0) throw new Error('unexpected PowerShell command shape');
  const variable = (n: string) => {
    if (!(n in env)) throw new Error(`set ${n} first`);
    return env[n]!;
  };
  const out: Buffer[] = [];
  let bodyFile: Buffer | null = null;
  const stmt =
    /W\(\[Convert\]::FromBase64String\('([A-Za-z0-9+/=]*)'\)\);|E \(V '(\w+)'\);|\$f=\[IO\.Path\]::GetTempFileName\(\);\[IO\.File\]::WriteAllBytes\(\$f,(\[byte\[\]\]@\(\)|\[byte\[\]\]\(@\(\) \+ (?:\[Convert\]::FromBase64String\('[A-Za-z0-9+/=]*'\)|\[Text\.Encoding\]::UTF8\.GetBytes\(\(V '\w+'\)\))(?: \+ (?:\[Convert\]::FromBase64String\('[A-Za-z0-9+/=]*'\)|\[Text\.Encoding\]::UTF8\.GetBytes\(\(V '\w+'\)\)))*\))\);|E \$f;/y;
  const data = code.slice(start, end);
  stmt.lastIndex = 0;
  while (stmt.lastIndex < data.length) {
    const m = stmt.exec(data);
    if (!m) throw new Error(`unexpected PowerShell statement at ${data.slice(stmt.lastIndex, stmt.lastIndex + 80)}`);
    if (m[1] !== undefined) out.push(Buffer.from(m[1], 'base64'));
    else if (m[2] !== undefined) out.push(Buffer.from(escape(variable(m[2])), 'utf8'));
    else if (m[3] !== undefined) bodyFile = psBytes(m[3].replace(/\(V '(\w+)'\)/g, '$env:$1'), variable);
    else out.push(Buffer.from(escape(bodyPath), 'utf8'));
  }
  const tail = code.slice(end);
  if (!/^\$p=New-Object Diagnostics\.Process;[^"]*\$p\.WaitForExit\(\);(Remove-Item -LiteralPath \$f;)?$/.test(tail))
    throw new Error(`unexpected run block ${tail}`);
  // The body file may hold a secret's value: it must not outlive the run.
  if (bodyFile !== null && !tail.endsWith('Remove-Item -LiteralPath $f;'))
    throw new Error('the body file is left in the temp folder');
  return { config: Buffer.concat(out), bodyFile };
}
