import type { OptionSpec } from './args';

/** Redaction is on unless the last of --redact / --no-redact says otherwise. */
export const REDACT_OPTIONS: OptionSpec[] = [
  {
    long: 'no-redact',
    help: 'Keep secrets (tokens, cookies, API keys, passwords) as they are',
    sets: { option: 'redact', value: 'off' },
  },
  {
    long: 'redact',
    help: 'Replace secrets by placeholders',
    default: 'on',
    sets: { option: 'redact', value: 'on' },
  },
];

export function redactOn(values: Map<string, string>): boolean {
  return values.get('redact') !== 'off';
}
