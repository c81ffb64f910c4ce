import { runDiagnose, diagnoseUsage } from './commands/diagnose';
import { runExport, exportUsage } from './commands/export';
import { runReport, reportUsage } from './commands/report';
import { CliError } from './errors';
import { readAllStdin, type Io } from './io';
import { enableExplicitGc } from './memory';
import { oneLine } from './terminal';

type Command = (argv: string[], io: Io) => Promise<number>;

// export and report register here as they land; each command is one file in commands/.
const COMMANDS: Record<string, { run: Command; usage: string }> = {
  diagnose: { run: runDiagnose, usage: diagnoseUsage },
  export: { run: runExport, usage: exportUsage },
  report: { run: runReport, usage: reportUsage },
};

function usage(): string {
  return ['Usage:', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n') + '\n';
}

export async function main(argv: string[], io: Io): Promise<number> {
  enableExplicitGc();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})`);
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`why403: ${oneLine(err.message)}\n`);
      return err.exitCode;
    }
    // An engine bug must still end in one line and exit 2, never a stack trace dump.
    io.stderr(`why403: internal error: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return 2;
  }
}

export const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: readAllStdin,
};
