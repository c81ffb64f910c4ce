// Turns parsed Windows exports back into something runnable here: the argv curl.exe would
// get (run with the real curl), and the bytes PowerShell would write.

/** Evaluates the byte expressions our exports write: base64 literals and UTF-8 of env vars. */
export function psBytes(expr: string, env: (name: string) => string): Buffer {
  const parts: Buffer[] = [];
  const re =
    /\[Convert\]::FromBase64String\('([A-Za-z0-9+/=]*)'\)|\[Text\.Encoding\]::UTF8\.GetBytes\((?:\$env:(\w+)|\(Why403-Env '(\w+)'\))\)/g;
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
