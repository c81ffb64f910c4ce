// A model of the PowerShell our export writes: single-quoted strings (curly quotes count as
// quotes; a doubled quote is one literal quote), + concatenation, and the two helper
// functions, whose .Replace() chain is read from the script itself.
import { psBytes } from './windows-run';

const QUOTES = "'\u2018\u2019\u201a\u201b";

type Value = string;

class Parser {
  i = 0;
  constructor(
    readonly s: string,
    readonly call: (fn: string, arg: Value) => Value,
    readonly vars: Record<string, string>,
  ) {}
  ws() {
    while (this.s[this.i] === ' ') this.i++;
  }
  expr(): Value {
    let v = this.term();
    this.ws();
    while (this.s[this.i] === '+') {
      this.i++;
      v += this.term();
      this.ws();
    }
    return v;
  }
  term(): Value {
    this.ws();
    const c = this.s[this.i]!;
    if (QUOTES.includes(c)) return this.single();
    const b64 = /^\[Text\.Encoding\]::UTF8\.GetString\(\[Convert\]::FromBase64String\('([A-Za-z0-9+/=]*)'\)\)/.exec(
      this.s.slice(this.i),
    );
    if (b64) {
      this.i += b64[0].length;
      return Buffer.from(b64[1]!, 'base64').toString('utf8');
    }
    if (c === '$') {
      const m = /^\$(\w+)/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      if (!(m[1]! in this.vars)) throw new Error(`$${m[1]} is not set`);
      return this.vars[m[1]!]!;
    }
    if (c === '(') {
      this.i++;
      this.ws();
      const fn = /^(Why403-\w+) /.exec(this.s.slice(this.i));
      let v: Value;
      if (fn) {
        this.i += fn[0].length;
        v = this.call(fn[1]!, this.term());
      } else v = this.expr();
      this.ws();
      if (this.s[this.i] !== ')') throw new Error(`expected ) at ${this.i} in ${this.s}`);
      this.i++;
      return v;
    }
    throw new Error(`unexpected ${c} at ${this.i} in ${this.s}`);
  }
  single(): Value {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Error('unterminated string');
      if (QUOTES.includes(c)) {
        const next = this.s[this.i + 1];
        if (next !== undefined && QUOTES.includes(next)) {
          out += this.s[this.i + 1];
          this.i += 2;
          continue;
        }
        this.i++;
        return out;
      }
      out += c;
      this.i++;
    }
  }
}

/** Evaluates one PowerShell expression of the kinds our export writes. */
export function psEval(
  expr: string,
  call: (fn: string, arg: Value) => Value,
  vars: Record<string, string> = {},
): Value {
  const p = new Parser(expr.trim(), call, vars);
  const v = p.expr();
  if (p.i !== p.s.length) throw new Error(`trailing text in ${expr}`);
  return v;
}

/** The .Replace(a, b) chain of Why403-Cfg, read from the script. */
function cfgReplacements(script: string): [string, string][] {
  const line = script.split('\n').find((l) => l.startsWith('function Why403-Cfg'));
  if (!line) return [];
  const arg = (a: string) =>
    a.startsWith('[string][char]') ? String.fromCharCode(Number(a.slice(14))) : psEval(a, () => '');
  return [...line.matchAll(/\.Replace\(('(?:[^']|'')*'|\[string\]\[char\]\d+), ('(?:[^']|'')*')\)/g)].map((m) => [
    arg(m[1]!),
    arg(m[2]!),
  ]);
}

export interface PsRun {
  /** The curl config piped to `curl.exe --config -`. */
  config: string;
  /** Files the script wrote, path → bytes. */
  files: Map<string, Buffer>;
}

/** Interprets a PowerShell export: returns the config it pipes to curl.exe. */
export function interpretPowerShell(script: string, env: Record<string, string>, tempPath: string): PsRun {
  const lines = script.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const replacements = cfgReplacements(script);
  // A function the script calls must be one it defines (PowerShell stops at an unknown command).
  const defined = new Set(lines.map((l) => /^function ([\w-]+)/.exec(l)?.[1]).filter((n) => n !== undefined));
  const call = (fn: string, arg: string) => {
    if (!defined.has(fn)) throw new Error(`${fn} is not defined`);
    if (fn === 'Why403-Env') {
      if (!(arg in env)) throw new Error(`Set $env:${arg} first`);
      return env[arg]!;
    }
    if (fn === 'Why403-Cfg') return replacements.reduce((s, [a, b]) => s.split(a).join(b), arg);
    throw new Error(`unknown function ${fn}`);
  };
  const vars: Record<string, string> = {};
  const files = new Map<string, Buffer>();
  let config: string | null = null;
  // Windows PowerShell 5.1 pipes text to a native command in $OutputEncoding, ASCII unless the
  // script sets it: every other character reaches curl.exe as "?".
  let utf8Out = false;
  let removed = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '$OutputEncoding = [System.Text.UTF8Encoding]::new($false)') {
      utf8Out = true;
      continue;
    }
    if (l.startsWith('function Why403-')) continue;
    if (l === '$why403Body = [System.IO.Path]::GetTempFileName()') {
      vars.why403Body = tempPath;
      continue;
    }
    const write = /^\[System\.IO\.File\]::WriteAllBytes\(\$why403Body, (.*)\)$/.exec(l);
    if (write) {
      files.set(
        vars.why403Body!,
        psBytes(write[1]!, (n) => call('Why403-Env', n)),
      );
      continue;
    }
    if (l === '@(') {
      const items: string[] = [];
      for (i++; lines[i] !== ') | curl.exe --config -'; i++) {
        if (lines[i] === undefined) throw new Error('unterminated @( … )');
        items.push(psEval(lines[i]!, call, vars));
      }
      config = items.join('\n') + '\n';
      if (!utf8Out) config = config.replace(/[\u0080-\u{10ffff}]/gu, '?');
      continue;
    }
    if (l === 'Remove-Item -LiteralPath $why403Body') {
      if (config === null) throw new Error('the body file is removed before curl.exe runs');
      removed = true;
      continue;
    }
    throw new Error(`unexpected PowerShell line: ${l}`);
  }
  if (config === null) throw new Error('no curl.exe invocation');
  // The body file may hold a secret's value: it must not outlive the run.
  if (files.size > 0 && !removed) throw new Error('the body file is left in the temp folder');
  return { config, files };
}
