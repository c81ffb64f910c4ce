import { REFUSAL_STATUSES, VERSION as version } from '../lib/front';
import { parseArgs } from './args';
import { diagnoseCommand } from './commands/diagnose';
import { exportCommand } from './commands/export';
import { reportCommand } from './commands/report';
import { commandHelp, optionLines, USAGE_ERROR, type CommandSpec } from './command';
import { CliError } from './errors';
import { ciSafeIo, readAllStdin, type Io } from './io';
import { escapeControls } from './terminal';

// Each command is one file in commands/ and registers here.
const COMMANDS: CommandSpec[] = [diagnoseCommand, exportCommand, reportCommand];
const NAMES = COMMANDS.map((c) => c.name).join(', ');

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `why403 ${version}: explains why a request was refused (${REFUSAL_STATUSES.join(', ')}, CORS)`,
    '',
    'Usage: why403 <command> <capture|-> [options]',
    '       why403 <command> --help',
    '',
    'A capture is a HAR file or a Playwright trace (trace.zip); - reads standard input.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    ...optionLines([
      { long: 'help', short: 'h', help: 'Show this help (after a command: that command help)' },
      { long: 'version', help: 'Print the version' },
    ]),
    '',
    'Exit codes:',
    '  0  success',
    '  1  diagnose --fail-on-flagged and a request was flagged',
    `  ${USAGE_ERROR[0]}  ${USAGE_ERROR[1]}`,
    '',
    'Examples:',
    '  why403 diagnose capture.har',
    '  why403 diagnose trace.zip --format junit -o why403.xml --fail-on-flagged',
    '  why403 export capture.har -e 3 -f curl',
    '',
  ].join('\n');
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new CliError(`missing command (one of: ${NAMES}); why403 --help shows usage`);
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(toolHelp());
    return 0;
  }
  if (name === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  // `why403 help diagnose` reads as `why403 diagnose --help`, as in git and npm.
  const [commandName, args] = name === 'help' ? [rest[0]!, ['--help']] : [name, rest];
  const command = COMMANDS.find((c) => c.name === commandName);
  if (!command) {
    const what = commandName.startsWith('-') ? `unknown option ${commandName}` : `unknown command "${commandName}"`;
    throw new CliError(`${what} (commands: ${NAMES}; why403 --help shows usage)`);
  }
  const parsed = parseArgs(args, command.options);
  if (parsed.help) {
    io.stdout(commandHelp(command));
    return 0;
  }
  return command.run(parsed, io);
}

export async function main(argv: string[], rawIo: Io): Promise<number> {
  const io = ciSafeIo(rawIo);
  try {
    return await dispatch(argv, io);
  } catch (err) {
    // Messages quote arguments, paths and captured values: escaped, they stay one line.
    if (err instanceof CliError) {
      io.stderr(`why403: ${escapeControls(err.message)}\n`);
      return err.exitCode;
    }
    // An engine bug must still end in one line and exit 2, never a stack trace dump.
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`why403: internal error: ${escapeControls(message.split('\n')[0]!)}\n`);
    return 2;
  }
}

// A reader that stops early (`why403 diagnose x.har | head`) closes the pipe, and the next write
// fails with EPIPE (Node ignores SIGPIPE, so it is an 'error' event; unhandled, a stack trace and
// exit 1, the code for "flagged"). The reader has what it wanted: later writes to that stream are
// dropped and the command ends as it would have, with its own exit code (0, or 1 for
// --fail-on-flagged with a flagged request: the result does not depend on who reads it).
const closed = new Set<NodeJS.WriteStream>();
let pipesGuarded = false;
function write(stream: NodeJS.WriteStream, s: string): void {
  if (!pipesGuarded) {
    pipesGuarded = true;
    for (const each of [process.stdout, process.stderr])
      each.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        closed.add(each);
      });
  }
  if (!closed.has(stream)) stream.write(s);
}

export const processIo: Io = {
  stdout: (s) => write(process.stdout, s),
  stderr: (s) => write(process.stderr, s),
  readStdin: readAllStdin,
};
