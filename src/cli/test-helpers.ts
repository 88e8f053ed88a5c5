/** Running a CLI in tests: as a real process, or its main() in-process with output captured. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node --import tsx <entry> …args` from the repository root, feeding `input` to its stdin. */
export function spawnCli(entry: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: ROOT, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
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
