/** Running a CLI's main() in-process with stdout and stderr captured (tests). */
import { expect, vi } from 'vitest';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function captureCli(run: () => Promise<number>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void) => (chunk: string | Uint8Array) => {
    append(String(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text)) as typeof process.stdout.write);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((text) => (stderr += text)) as typeof process.stderr.write);
  try {
    const code = await run();
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter(Boolean);
}

/** One line `<command>: message` on stderr; usage errors (exit 2) add the one-line usage hint. */
export function expectOneLineError(run: CliRun, exitCode: number, message: RegExp, usageHint: RegExp): void {
  expect(run.code).toBe(exitCode);
  expect(run.stdout).toBe('');
  const [first, ...rest] = stderrLines(run);
  expect(first).toMatch(message);
  expect(rest).toHaveLength(exitCode === 2 ? 1 : 0);
  if (exitCode === 2) expect(rest[0]).toMatch(usageHint);
}
