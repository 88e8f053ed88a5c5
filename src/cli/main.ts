/** The `trace` command as a function: arguments in, output on stdout/stderr, exit code out. */
import { parseCommand, USAGE, USAGE_HINT } from './args.ts';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, messageOf } from './errors.ts';
import { traceOne } from './single.ts';
import { traceSuite } from './suite.ts';

function note(line: string): void {
  process.stderr.write(`trace: ${line}\n`);
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(USAGE);
        return EXIT_OK;
      case 'trace':
        return await traceOne(command, note);
      case 'suite':
        return await traceSuite(command);
    }
  } catch (error) {
    if (error instanceof CliError) {
      note(error.message);
      if (error.exitCode === EXIT_USAGE) process.stderr.write(USAGE_HINT + '\n');
      return error.exitCode;
    }
    if ((error as { code?: string }).code === 'EPIPE') return EXIT_OK; // stdout closed early (`| head`)
    note(`unexpected error: ${messageOf(error).split('\n')[0]}`);
    return EXIT_FAILURE;
  }
}
