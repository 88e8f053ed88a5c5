/** The `trace` command as a function: arguments in, output on stdout/stderr, exit code out. */
import { parseCommand, USAGE, USAGE_HINT } from './args.ts';
import { EXIT_OK, runCommand } from './errors.ts';
import { traceOne } from './single.ts';
import { traceSuite } from './suite.ts';

export function main(argv: readonly string[]): Promise<number> {
  return runCommand('trace', USAGE_HINT, async (note) => {
    const command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        process.stdout.write(USAGE);
        return EXIT_OK;
      case 'trace':
        return traceOne(command, note);
      case 'suite':
        return traceSuite(command);
    }
  });
}
