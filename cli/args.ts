import { CliError } from './errors';

/** One option of a command: what it parses and what its help line says. */
export interface OptionSpec {
  long: string;
  short?: string;
  /** Placeholder of the value (`FILE`, `N`); absent for a switch. */
  value?: string;
  help: string;
  /** Shown as "(default: …)" in the help. */
  default?: string;
  /**
   * A switch that sets another option, last one winning: `--json` is `--format json`,
   * `--no-redact` is `redact=off`. Lets old spellings keep working without a second code path.
   */
  sets?: { option: string; value: string };
}

export interface ParsedArgs {
  positionals: string[];
  /** Values by long name, switches as "on"; the last occurrence wins, as in curl and httpie. */
  values: Map<string, string>;
  help: boolean;
}

export const HELP_OPTION: OptionSpec = { long: 'help', short: 'h', help: 'Show this help and exit' };

function describe(o: OptionSpec): string {
  return `--${o.long}${o.short ? ` (-${o.short})` : ''}`;
}

/**
 * Strict parsing in the getopt habit: `--name value`, `--name=value`, `-n value`, `-nvalue`,
 * `--` ends options, `-` alone is a positional (standard input). Every option must be known to
 * the command, so a typo fails loudly instead of being ignored. (node:util parseArgs has no
 * `--no-` negation before Node 22, and its messages are several sentences long.)
 */
export function parseArgs(argv: string[], options: OptionSpec[]): ParsedArgs {
  const all = [...options, HELP_OPTION];
  const byLong = new Map(all.map((o) => [o.long, o]));
  const byShort = new Map(all.filter((o) => o.short).map((o) => [o.short!, o]));
  const positionals: string[] = [];
  const values = new Map<string, string>();
  let help = false;

  const take = (o: OptionSpec, inline: string | undefined, i: number): number => {
    if (o === HELP_OPTION) {
      help = true;
      return i;
    }
    if (!o.value) {
      if (inline !== undefined) throw new CliError(`${describe(o)} takes no value`);
      if (o.sets) values.set(o.sets.option, o.sets.value);
      else values.set(o.long, 'on');
      return i;
    }
    if (inline !== undefined) {
      values.set(o.long, inline);
      return i;
    }
    const next = argv[i + 1];
    if (next === undefined) throw new CliError(`${describe(o)} needs a value (${o.value})`);
    values.set(o.long, next);
    return i + 1;
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const o = byLong.get(name);
      if (!o) throw new CliError(`unknown option --${name}`);
      i = take(o, eq === -1 ? undefined : a.slice(eq + 1), i);
    } else if (a.startsWith('-') && a.length > 1) {
      // A cluster: switches may share a dash (-ha); a value option takes the rest (-fjson, -f=json).
      for (let k = 1; k < a.length; k++) {
        const o = byShort.get(a[k]!);
        if (!o) throw new CliError(`unknown option -${a[k]}`);
        if (o.value) {
          const rest = a.slice(k + 1).replace(/^=/, '');
          i = take(o, rest === '' ? undefined : rest, i);
          break;
        }
        i = take(o, undefined, i);
      }
    } else {
      positionals.push(a);
    }
  }
  return { positionals, values, help };
}

/** The one value of a choice option, checked against its choices. */
export function choice<T extends string>(
  raw: string | undefined,
  choices: readonly T[],
  what: string,
  fallback?: T,
): T {
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new CliError(`missing --format (one of: ${choices.join(', ')})`);
  }
  if (!(choices as readonly string[]).includes(raw))
    throw new CliError(`unknown ${what} "${raw}" (one of: ${choices.join(', ')})`);
  return raw as T;
}
