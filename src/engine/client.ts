import * as Comlink from 'comlink';
import type { RawBatch } from '../trace/raw-batch.ts';
import { TraceStore } from '../trace/store.ts';
import { DEFAULT_LIMITS, FILE_CODE, FILE_ENTRY, type Limits, type Outcome } from '../trace/types.ts';
import { entrySource } from '../trace/cwm/prompt.ts';
import { ControlWriter, STOP_STOPPED, STOP_TIME_LIMIT } from './control.ts';
import type { BootInfo, BootProgress, EngineWorkerApi } from './protocol.ts';
import { DEFAULT_RUNTIME, type RuntimeId } from './runtimes.ts';

/** A started worker (browser Worker or Node worker thread) with the engine API wrapped. */
export interface WorkerHandle {
  api: Comlink.Remote<EngineWorkerApi>;
  terminate(): void;
}

export interface EngineHost {
  spawn(): WorkerHandle;
  /** Where the worker loads a runtime from (URL or directory). */
  location(runtime: RuntimeId): string;
  /** Share memory with the worker? (Needs cross-origin isolation in a browser.) */
  controlBuffer(): SharedArrayBuffer | null;
}

export type EngineStatus =
  | { state: 'booting'; runtime: RuntimeId; progress: BootProgress }
  | { state: 'idle'; info: BootInfo }
  | { state: 'running'; info: BootInfo; runId: number }
  | { state: 'awaiting-input'; info: BootInfo; runId: number; prompt: string }
  | { state: 'failed'; runtime: RuntimeId; error: string };

export interface RunInput {
  code: string;
  call?: string | null;
  stdin?: string;
  interactive?: boolean;
  limits?: Partial<Limits>;
  /** False: run without the tracer (benchmarks). */
  traced?: boolean;
}

export interface RunResult {
  outcome: Outcome;
  store: TraceStore;
  info: BootInfo;
  /** Wall time of the run as the client saw it (boot and input waits excluded). */
  durationMs: number;
  /** The program's wall time measured inside Python (0 when the run did not report one). */
  pythonMs: number;
}

export interface RunHooks {
  /** The run has started; its store fills as batches arrive. */
  onStart?(store: TraceStore): void;
  onBatch?(store: TraceStore): void;
  onInput?(prompt: string): void;
}

/** How long Stop waits before escalating: stop flag, then KeyboardInterrupt, then terminate. */
const INTERRUPT_AFTER_MS = 300;
const TERMINATE_AFTER_MS = 1500;
/** Extra time the watchdog gives the tracer to enforce the time limit itself. */
const WATCHDOG_GRACE_MS = 500;

interface ActiveRun {
  runId: number;
  store: TraceStore;
  hooks: RunHooks;
  settle(outcome: Outcome): void;
  batchesReceived: number;
  /** Set when the worker reported how the run ended; settled once all its batches are in. */
  pending: { outcome: Outcome; batches: number; elapsedMs: number } | null;
  stopReason: 'stopped' | 'time limit' | null;
  timers: ReturnType<typeof setTimeout>[];
  waitingSince: number | null;
  waitedMs: number;
}

/**
 * The engine's main-thread client, a small state machine:
 * booting → idle → running ⇄ awaiting-input → idle, with Stop escalating from the stop flag to
 * an interrupt to terminating and respawning the worker. Used by the app and by the Node CLI.
 */
export class EngineClient {
  private worker: WorkerHandle | null = null;
  private control: ControlWriter | null = null;
  private booted: Promise<BootInfo> | null = null;
  private info: BootInfo | null = null;
  private active: ActiveRun | null = null;
  /** Settles when the runs asked for so far have ended. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Counts run() calls: a waiting run that is no longer the latest does not start. */
  private tickets = 0;
  private nextRunId = 1;
  private listeners = new Set<(status: EngineStatus) => void>();
  private currentStatus: EngineStatus;

  constructor(private readonly host: EngineHost, private runtimeId: RuntimeId = DEFAULT_RUNTIME) {
    this.currentStatus = { state: 'booting', runtime: runtimeId, progress: { phase: 'loading runtime', fraction: 0 } };
  }

  get runtime(): RuntimeId {
    return this.runtimeId;
  }

  get status(): EngineStatus {
    return this.currentStatus;
  }

  subscribe(listener: (status: EngineStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: EngineStatus): void {
    this.currentStatus = status;
    for (const listener of this.listeners) listener(status);
  }

  /** Boot the current runtime (once; later calls wait for the same boot). */
  boot(): Promise<BootInfo> {
    if (this.booted) return this.booted;
    const runtime = this.runtimeId;
    const buffer = this.host.controlBuffer();
    this.control = buffer ? new ControlWriter(buffer) : null;
    const worker = this.host.spawn();
    this.worker = worker;
    this.setStatus({ state: 'booting', runtime, progress: { phase: 'loading runtime', fraction: 0 } });
    const progress = Comlink.proxy((progress: BootProgress) => {
      if (this.worker === worker && this.currentStatus.state === 'booting') this.setStatus({ state: 'booting', runtime, progress });
    });
    const booted = worker.api.boot({ runtime, location: this.host.location(runtime), control: buffer }, progress).then(
      (info) => {
        if (this.worker === worker) {
          this.info = info;
          this.setStatus({ state: 'idle', info });
        }
        return info;
      },
      (error: unknown) => {
        if (this.worker === worker) {
          this.setStatus({ state: 'failed', runtime, error: describeError(error) });
          this.worker = null;
          this.booted = null;
          worker.terminate();
        }
        throw error;
      },
    );
    this.booted = booted;
    return booted;
  }

  /** Switch runtime: stops any run and boots the other Python. */
  async setRuntime(runtime: RuntimeId): Promise<BootInfo> {
    if (runtime !== this.runtimeId || !this.booted) {
      this.runtimeId = runtime;
      this.discardWorker();
    }
    return this.boot();
  }

  /**
   * Run a program. A new run stops the one in progress (its steps so far are kept in its result);
   * runs take turns, so calls made at the same time never share the worker.
   */
  run(input: RunInput, hooks: RunHooks = {}): Promise<RunResult> {
    if (this.active) this.stop();
    const ticket = ++this.tickets;
    const turn = this.queue.then(() => this.runNow(input, hooks, ticket));
    this.queue = turn.then(() => undefined, () => undefined);
    return turn;
  }

  private async runNow(input: RunInput, hooks: RunHooks, ticket: number): Promise<RunResult> {
    const info = await this.boot();
    if (ticket !== this.tickets) {
      // A newer run was asked for while this one waited: it never starts.
      return { outcome: { reason: 'stopped', steps: 0 }, store: new TraceStore([input.code, '']), info, durationMs: 0, pythonMs: 0 };
    }
    const worker = this.worker;
    if (!worker) throw new Error('the engine is not available');
    const runId = this.nextRunId++;
    const call = input.call?.trim() ? input.call.trim() : null;
    const limits = { ...DEFAULT_LIMITS, ...input.limits };
    const sources = [];
    sources[FILE_CODE] = input.code;
    sources[FILE_ENTRY] = call ? entrySource(call) : '';
    const store = new TraceStore(sources);
    this.control?.reset();
    const started = performance.now();
    const outcome = new Promise<Outcome>((resolve) => {
      this.active = {
        runId, store, hooks, settle: resolve, stopReason: null, timers: [], waitingSince: null, waitedMs: 0,
        batchesReceived: 0, pending: null,
      };
    });
    const active = this.active!;
    this.setStatus({ state: 'running', info, runId });
    hooks.onStart?.(store);
    this.armWatchdog(active, limits.timeLimitMs);
    const callbacks = Comlink.proxy({
      batch: (id: number, batch: RawBatch) => this.receiveBatch(id, batch),
      input: (id: number, prompt: string) => this.receiveInputRequest(id, prompt),
    });
    worker.api
      .run({
        runId, code: input.code, call, stdin: input.stdin ?? '', interactive: Boolean(input.interactive), limits,
        traced: input.traced ?? true,
      }, callbacks)
      .then((report) => {
        active.pending = report;
        this.finishWhenComplete(active);
      })
      .catch((error: unknown) => this.finish(active, { reason: 'crashed', steps: store.stepCount, type: 'EngineError', message: describeError(error) }));
    const result = await outcome;
    return { outcome: result, store, info, durationMs: performance.now() - started - active.waitedMs, pythonMs: active.pending?.elapsedMs ?? 0 };
  }

  /** Answer the program's pending input() (null: end of input). */
  provideInput(line: string | null): void {
    const active = this.active;
    if (!active || this.currentStatus.state !== 'awaiting-input' || !this.control || !this.info) return;
    if (active.waitingSince !== null) active.waitedMs += performance.now() - active.waitingSince;
    active.waitingSince = null;
    this.setStatus({ state: 'running', info: this.info, runId: active.runId });
    this.control.provideInput(line);
  }

  /** Stop the current run; what was recorded so far is kept. */
  stop(reason: 'stopped' | 'time limit' = 'stopped'): void {
    const active = this.active;
    if (!active || active.stopReason) return;
    active.stopReason = reason;
    const control = this.control;
    if (!control) {
      this.terminateRun(active);
      return;
    }
    control.requestStop(reason === 'stopped' ? STOP_STOPPED : STOP_TIME_LIMIT);
    active.timers.push(setTimeout(() => control.interrupt(), INTERRUPT_AFTER_MS));
    active.timers.push(setTimeout(() => this.terminateRun(active), TERMINATE_AFTER_MS));
  }

  dispose(): void {
    this.discardWorker();
    this.listeners.clear();
  }

  // -- internals --------------------------------------------------------------------------------

  private armWatchdog(active: ActiveRun, timeLimitMs: number): void {
    const check = () => {
      if (this.active !== active) return;
      const waiting = active.waitingSince !== null ? performance.now() - active.waitingSince : 0;
      const elapsed = performance.now() - startedAt - active.waitedMs - waiting;
      if (elapsed > timeLimitMs + WATCHDOG_GRACE_MS) this.stop('time limit');
      else active.timers.push(setTimeout(check, 100));
    };
    const startedAt = performance.now();
    active.timers.push(setTimeout(check, 100));
  }

  private receiveBatch(runId: number, batch: RawBatch): void {
    const active = this.active;
    if (!active || active.runId !== runId) return; // a superseded run
    active.store.append(batch);
    active.batchesReceived++;
    active.hooks.onBatch?.(active.store);
    this.finishWhenComplete(active);
  }

  private finishWhenComplete(active: ActiveRun): void {
    if (active.pending && active.batchesReceived >= active.pending.batches) this.finish(active, active.pending.outcome);
  }

  private receiveInputRequest(runId: number, prompt: string): void {
    const active = this.active;
    if (!active || active.runId !== runId || !this.info) return;
    active.waitingSince = performance.now();
    this.setStatus({ state: 'awaiting-input', info: this.info, runId, prompt });
    active.hooks.onInput?.(prompt);
  }

  private finish(active: ActiveRun, outcome: Outcome): void {
    if (this.active !== active) return;
    for (const timer of active.timers) clearTimeout(timer);
    this.active = null;
    active.store.seal();
    const fixed = { ...outcome, steps: active.store.stepCount };
    if (outcome.reason === 'crashed') {
      // Pyodide may be unusable after a fatal error: start a fresh worker for the next run.
      this.discardWorker();
      void this.boot().catch(() => {});
    } else if (this.info) {
      this.setStatus({ state: 'idle', info: this.info });
    }
    active.settle(fixed);
  }

  private terminateRun(active: ActiveRun): void {
    if (this.active !== active) return;
    const reason = active.stopReason ?? 'stopped';
    for (const timer of active.timers) clearTimeout(timer);
    this.active = null;
    active.store.seal();
    this.discardWorker();
    void this.boot().catch(() => {});
    active.settle({ reason, steps: active.store.stepCount });
  }

  private discardWorker(): void {
    const active = this.active;
    if (active) {
      for (const timer of active.timers) clearTimeout(timer);
      this.active = null;
      active.settle({ reason: 'stopped', steps: active.store.stepCount });
    }
    this.worker?.terminate();
    this.worker = null;
    this.booted = null;
    this.info = null;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
