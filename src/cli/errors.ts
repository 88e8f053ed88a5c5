/** Errors that end a CLI command (trace, eval), with the exit code each one gives. */

export const EXIT_OK = 0;
/** I/O errors (unreadable files) and engine failures. */
export const EXIT_FAILURE = 1;
/** Bad arguments. */
export const EXIT_USAGE = 2;

/** An error whose message is shown as one line `trace: <message>`. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = 'CliError';
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Run a command's body the way every CLI here ends: a CliError is one line `<name>: message` on
 * stderr (plus the usage hint for usage errors) and its exit code; stdout closed early (`| head`)
 * is not an error; anything else is one line and exit code 1.
 */
export async function runCommand(name: string, usageHint: string, body: (note: (line: string) => void) => Promise<number>): Promise<number> {
  const note = (line: string) => void process.stderr.write(`${name}: ${line}\n`);
  try {
    return await body(note);
  } catch (error) {
    if (error instanceof CliError) {
      note(error.message);
      if (error.exitCode === EXIT_USAGE) process.stderr.write(usageHint + '\n');
      return error.exitCode;
    }
    if ((error as { code?: string }).code === 'EPIPE') return EXIT_OK;
    note(`unexpected error: ${messageOf(error).split('\n')[0]}`);
    return EXIT_FAILURE;
  }
}
