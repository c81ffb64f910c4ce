// A model of how cmd.exe (at the interactive prompt) and the C runtime turn a command line
// into argv, after "How does the Windows Command Interpreter (CMD.EXE) parse scripts?"
// (https://stackoverflow.com/a/4095133) and Microsoft's "Parsing C command-line arguments"
// (https://learn.microsoft.com/en-us/cpp/c-language/parsing-c-command-line-arguments).

/** A variable's value, its name in any case (cmd's variables are case-insensitive). */
const lookupIn = (env: Record<string, string>) => (name: string) =>
  Object.entries(env).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

/** Phase 1 at the prompt: %NAME% expands when NAME is set; otherwise the % stays and scanning resumes after it. */
export function percentPhase(line: string, env: Record<string, string>): string {
  const lookup = lookupIn(env);
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    const end = line.indexOf('%', i + 1);
    const value = end === -1 ? undefined : lookup(line.slice(i + 1, end));
    if (end !== -1 && value !== undefined && end > i + 1) {
      out += value;
      i = end + 1;
    } else {
      out += '%';
      i++;
    }
  }
  return out;
}

/**
 * Phase 1 in a batch file (a saved .cmd): %% is one %, %0-%9 and %* are the script's arguments
 * (none here), %NAME% expands to its value or to nothing, and a % with no closing one is dropped.
 */
export function percentPhaseBatch(line: string, env: Record<string, string>): string {
  const lookup = lookupIn(env);
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '%') out += line[i++];
    else if (line[i + 1] === '%') {
      out += '%';
      i += 2;
    } else if (/[0-9*]/.test(line[i + 1] ?? '')) i += 2;
    else {
      const end = line.indexOf('%', i + 1);
      if (end === -1) i++;
      else {
        out += lookup(line.slice(i + 1, end)) ?? '';
        i = end + 1;
      }
    }
  }
  return out;
}

export type Token = { kind: 'text'; text: string } | { kind: 'op'; op: string };

/**
 * Phase 2: quotes toggle quoting (and stay in the text); outside quotes a caret escapes the
 * next character (a caret before a line break joins the next line and escapes its first
 * character); & | < > ( ) outside quotes are operators.
 */
export function specialPhase(text: string): Token[] {
  const out: Token[] = [];
  let cur = '';
  let quoted = false;
  const flush = () => {
    if (cur !== '') out.push({ kind: 'text', text: cur });
    cur = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (quoted) {
      if (c === '\n') throw new Error('a line break inside quotes ends the command');
      cur += c;
    } else if (c === '^') {
      let next = text[++i];
      if (next === '\n') next = text[++i];
      if (next !== undefined) cur += next;
    } else if ('&|<>()'.includes(c)) {
      flush();
      out.push({ kind: 'op', op: c });
    } else if (c === '\n') {
      throw new Error('an unescaped line break ends the command early');
    } else cur += c;
  }
  if (quoted) throw new Error('unbalanced quote');
  flush();
  return out;
}

/** The C runtime's argv rules (UCRT, 2008 and later): backslashes, quotes, "" inside quotes. */
export function msvcrtArgv(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= n) break;
    let arg = '';
    let inQuote = false;
    for (;;) {
      let slashes = 0;
      while (line[i] === '\\') {
        i++;
        slashes++;
      }
      let copy = true;
      if (line[i] === '"') {
        if (slashes % 2 === 0) {
          if (inQuote && line[i + 1] === '"') i++;
          else {
            copy = false;
            inQuote = !inQuote;
          }
        }
        slashes = Math.floor(slashes / 2);
      }
      arg += '\\'.repeat(slashes);
      if (i >= n || (!inQuote && (line[i] === ' ' || line[i] === '\t'))) break;
      if (copy) arg += line[i];
      i++;
    }
    args.push(arg);
  }
  return args;
}

export interface CmdProgram {
  /** `if defined NAME` guards in front of the command. */
  guards: string[];
  /** The pipeline's commands, each as argv. */
  pipeline: string[][];
}

/** Parses a curl-cmd export (typed at the prompt, or saved as a .cmd file with `batch`): REM lines skipped, guards read, the command's argv per pipe stage. */
export function parseCmd(script: string, env: Record<string, string>, batch = false): CmdProgram {
  const lines = script
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((l) => l !== '' && !/^REM( |$)/i.test(l));
  const expanded = lines.map((l) => (batch ? percentPhaseBatch : percentPhase)(l, env)).join('\n');
  let tokens = specialPhase(expanded);
  const guards: string[] = [];
  const first = tokens[0];
  if (first?.kind === 'text' && /^(if defined \S+ )+$/.test(first.text)) {
    guards.push(...[...first.text.matchAll(/if defined (\S+) /g)].map((m) => m[1]!));
    const last = tokens[tokens.length - 1];
    if (tokens[1]?.kind !== 'op' || (tokens[1] as { op: string }).op !== '(' || last?.kind !== 'op' || last.op !== ')')
      throw new Error('guarded command is not a ( … ) block');
    tokens = tokens.slice(2, -1);
  }
  const pipeline: string[][] = [[]];
  let line = '';
  for (const t of tokens) {
    if (t.kind === 'text') line += t.text;
    else if (t.op === '|') {
      pipeline[pipeline.length - 1] = msvcrtArgv(line);
      pipeline.push([]);
      line = '';
    } else throw new Error(`unescaped operator ${t.op} outside quotes`);
  }
  pipeline[pipeline.length - 1] = msvcrtArgv(line);
  return { guards, pipeline };
}
