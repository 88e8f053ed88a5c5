/** Errors that end the `trace` command, with the exit code each one gives. */

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
