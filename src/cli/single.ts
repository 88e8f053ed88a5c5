/** `trace FILE.py`: run one program and print its trace (JSON trace file or CWM text). */
import { emitCwm } from '../trace/cwm/emit.ts';
import { exportTraceJson } from '../trace/json-format.ts';
import { DEFAULT_LIMITS } from '../trace/types.ts';
import type { Command } from './args.ts';
import { startEngine } from './engine.ts';
import { CliError, EXIT_OK, messageOf } from './errors.ts';
import { readText, writeOut } from './io.ts';
import { earlyEndNote } from './outcome.ts';

type TraceCommand = Extract<Command, { kind: 'trace' }>;

export async function traceOne(command: TraceCommand, note: (line: string) => void): Promise<number> {
  // Read every input before booting, so a bad path fails at once.
  const code = await readText(command.file);
  const stdin = command.stdinFile === null ? '' : await readText(command.stdinFile);
  const { engine, info } = await startEngine(command.runtime);
  try {
    const limits = { ...DEFAULT_LIMITS, ...command.limits };
    let result;
    try {
      result = await engine.run({ code, call: command.call, stdin, limits });
    } catch (error) {
      throw new CliError(`the engine failed: ${messageOf(error)}`);
    }
    const { store, outcome } = result;
    if (command.format === 'cwm') {
      const text = emitCwm(store, { complete: outcome.reason === 'completed' });
      await writeOut(process.stdout.isTTY ? text + '\n' : text);
    } else {
      const program = { code, call: command.call, stdin };
      await writeOut(exportTraceJson({ store, outcome, program, runtime: info.runtime, pythonVersion: info.pythonVersion, limits }));
    }
    const early = earlyEndNote(outcome);
    if (early) note(early);
    return EXIT_OK;
  } finally {
    engine.dispose();
  }
}
