/**
 * The one protocol between the main thread (or the Node CLI) and an engine worker. Both sides
 * import these types; the worker exposes `EngineWorkerApi` through Comlink. Every run carries an
 * id, and the client drops whatever arrives from a run it no longer waits for.
 */
import { z } from 'zod';
import type { RawBatch } from '../trace/raw-batch.ts';
import { END_REASONS, type Limits, type Outcome } from '../trace/types.ts';
import type { RuntimeId } from './runtimes.ts';

export interface RunRequest {
  runId: number;
  code: string;
  /** A call expression such as `f([1, 2])` traced through `main()`, or null for the whole module. */
  call: string | null;
  stdin: string;
  /** When stdin runs out, ask the user (needs the shared control block). */
  interactive: boolean;
  /** False runs the program without the tracer (to measure what tracing costs). Default true. */
  traced?: boolean;
  limits: Limits;
}

export const BOOT_PHASES = ['loading runtime', 'loading tracer', 'ready'] as const;
export type BootPhase = (typeof BOOT_PHASES)[number];

export interface BootProgress {
  phase: BootPhase;
  /** 0..1 over the whole boot. */
  fraction: number;
}

export interface BootInfo {
  runtime: RuntimeId;
  pythonVersion: string;
  bootMs: number;
  /** A control block is in use: Stop interrupts Python instead of terminating the worker. */
  canInterrupt: boolean;
}

export interface BootOptions {
  runtime: RuntimeId;
  /** Where the runtime's files are: a URL (browser) or a directory (Node). */
  location: string;
  control: SharedArrayBuffer | null;
}

export interface RunCallbacks {
  /** Records made since the previous batch of this run. */
  batch(runId: number, batch: RawBatch): void;
  /** The program waits in input(); answer through the control block. */
  input(runId: number, prompt: string): void;
}

export interface RunReport {
  outcome: Outcome;
  /** The program's own wall time inside Python (tracing included, transfer excluded). */
  elapsedMs: number;
  /** Batches sent during the run. Callbacks travel on their own channel, so the client waits
   *  until it has them all before it trusts the trace to be complete. */
  batches: number;
}

export interface EngineWorkerApi {
  boot(options: BootOptions, progress: (progress: BootProgress) => void): Promise<BootInfo>;
  run(request: RunRequest, callbacks: RunCallbacks): Promise<RunReport>;
}

/** The outcome JSON the Python harness returns, validated before anyone relies on it. */
export const outcomeSchema = z.object({
  reason: z.enum(END_REASONS),
  steps: z.number().int().nonnegative(),
  type: z.string().optional(),
  message: z.string().optional(),
  line: z.number().int().nullable().optional(),
  column: z.number().int().optional(),
  endLine: z.number().int().optional(),
  endColumn: z.number().int().optional(),
  where: z.enum(['code', 'call']).optional(),
  exitCode: z.number().int().optional(),
});

const runResultSchema = z.object({ outcome: outcomeSchema, elapsedMs: z.number() });

/** Parse what the harness's run() returns. */
export function parseRunResult(json: string): { outcome: Outcome; elapsedMs: number } {
  return runResultSchema.parse(JSON.parse(json));
}
