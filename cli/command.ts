import { HELP_OPTION, type OptionSpec, type ParsedArgs } from './args';
import type { Io } from './io';

/** One `why403 <command>`: its options, its help and what it does. */
export interface CommandSpec {
  name: string;
  /** Arguments after the command name, e.g. `<capture|-> -e N -f FMT [options]`. */
  synopsis: string;
  /** One line for the tool's command list. */
  summary: string;
  /** A few sentences for the command's own help. */
  description: string[];
  options: OptionSpec[];
  exitCodes: [code: number, meaning: string][];
  examples: string[];
  run(args: ParsedArgs, io: Io): Promise<number>;
}

export const USAGE_ERROR: [number, string] = [2, 'usage error or unreadable input (one line on standard error)'];

/** Option lines in the layout of eslint and curl: short, long, value, text, default. */
export function optionLines(options: OptionSpec[]): string[] {
  const heads = options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.long}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return options.map(
    (o, i) => `  ${heads[i]!.padEnd(width)}${o.help}${o.default !== undefined ? ` (default: ${o.default})` : ''}`,
  );
}

export function commandHelp(c: CommandSpec): string {
  return [
    `Usage: why403 ${c.name} ${c.synopsis}`,
    '',
    ...c.description,
    '',
    'Options:',
    ...optionLines([...c.options, HELP_OPTION]),
    '',
    'Exit codes:',
    ...c.exitCodes.map(([code, meaning]) => `  ${code}  ${meaning}`),
    '',
    c.examples.length > 1 ? 'Examples:' : 'Example:',
    ...c.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}
