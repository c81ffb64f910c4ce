import { CliError } from './errors';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Minimal, strict argument parsing: every flag must be known to the command, so a typo
 * fails loudly instead of being ignored. `-` alone is a positional (standard input).
 */
export function parseArgs(argv: string[], known: Record<string, 'bool' | 'value'>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new CliError(`unknown option --${name}`);
    if (kind === 'bool') {
      if (inline !== undefined) throw new CliError(`--${name} takes no value`);
      flags.set(name, true);
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return { positionals, flags };
}
