/**
 * The shared control block between the main thread and the engine worker (browser Worker or
 * Node worker thread): interrupt, stop reason, and a mailbox for interactive input. It needs a
 * SharedArrayBuffer, i.e. a cross-origin-isolated page; without one there is no control block and
 * Stop falls back to terminating the worker.
 *
 * Int32 layout: [0] Pyodide's interrupt signal (2 = SIGINT), [1] stop reason code,
 * [2] input state, [3] input byte length; input bytes follow at byte offset 16.
 */
export const STOP_NONE = 0;
export const STOP_STOPPED = 1;
export const STOP_TIME_LIMIT = 2;
export const STOP_REASONS = { [STOP_STOPPED]: 'stopped', [STOP_TIME_LIMIT]: 'time limit' } as const;
export type StopReason = (typeof STOP_REASONS)[keyof typeof STOP_REASONS];

const INTERRUPT = 0;
const STOP = 1;
const INPUT_STATE = 2;
const INPUT_LENGTH = 3;
const INPUT_OFFSET = 16;
const INPUT_CAPACITY = 1 << 16;

export const INPUT_IDLE = 0;
export const INPUT_WAITING = 1;
export const INPUT_READY = 2;
export const INPUT_EOF = 3;

const SIGINT = 2;

export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && (globalThis.crossOriginIsolated ?? true) !== false;
}

export function createControlBuffer(): SharedArrayBuffer | null {
  return canShareMemory() ? new SharedArrayBuffer(INPUT_OFFSET + INPUT_CAPACITY) : null;
}

/** Main-thread side. */
export class ControlWriter {
  private readonly ints: Int32Array;
  private readonly bytes: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.ints = new Int32Array(buffer, 0, 4);
    this.bytes = new Uint8Array(buffer, INPUT_OFFSET);
  }

  reset(): void {
    Atomics.store(this.ints, INTERRUPT, 0);
    Atomics.store(this.ints, STOP, STOP_NONE);
    Atomics.store(this.ints, INPUT_STATE, INPUT_IDLE);
  }

  /** Ask the run to stop: the tracer sees the reason at its next check, sleeps and input waits wake up. */
  requestStop(code: typeof STOP_STOPPED | typeof STOP_TIME_LIMIT): void {
    Atomics.store(this.ints, STOP, code);
    Atomics.notify(this.ints, STOP);
    Atomics.notify(this.ints, INPUT_STATE);
  }

  /** Raise KeyboardInterrupt in Python at its next check (reaches code that is not traced). */
  interrupt(): void {
    Atomics.store(this.ints, INTERRUPT, SIGINT);
  }

  get awaitingInput(): boolean {
    return Atomics.load(this.ints, INPUT_STATE) === INPUT_WAITING;
  }

  /** Answer a pending input() with a line (without its newline), or null for end of input. */
  provideInput(line: string | null): void {
    if (line !== null) {
      const encoded = new TextEncoder().encode(line);
      const length = Math.min(encoded.length, this.bytes.length);
      this.bytes.set(encoded.subarray(0, length));
      Atomics.store(this.ints, INPUT_LENGTH, length);
    }
    Atomics.store(this.ints, INPUT_STATE, line === null ? INPUT_EOF : INPUT_READY);
    Atomics.notify(this.ints, INPUT_STATE);
  }
}

/** Worker side: used by the harness's host functions while Python runs synchronously. */
export class ControlReader {
  private readonly ints: Int32Array;
  private readonly bytes: Uint8Array;
  readonly interruptBuffer: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.ints = new Int32Array(buffer, 0, 4);
    this.bytes = new Uint8Array(buffer, INPUT_OFFSET);
    this.interruptBuffer = new Int32Array(buffer, 0, 1);
  }

  stopReason(): StopReason | '' {
    const code = Atomics.load(this.ints, STOP);
    return code === STOP_STOPPED || code === STOP_TIME_LIMIT ? STOP_REASONS[code] : '';
  }

  /** Sleep up to `ms`, waking early when a stop is requested. */
  sleep(ms: number): void {
    Atomics.wait(this.ints, STOP, STOP_NONE, ms);
  }

  /**
   * Block until the main thread answers with a line (or end of input, or a stop). `announce`
   * tells the main thread that input is wanted; it runs once the mailbox is marked waiting, so an
   * answer that comes back at once is not overwritten.
   */
  waitForInput(announce: () => void): string | null {
    Atomics.store(this.ints, INPUT_STATE, INPUT_WAITING);
    announce();
    for (;;) {
      if (this.stopReason()) return null;
      Atomics.wait(this.ints, INPUT_STATE, INPUT_WAITING, 250);
      const state = Atomics.load(this.ints, INPUT_STATE);
      if (state === INPUT_READY) {
        const length = Atomics.load(this.ints, INPUT_LENGTH);
        Atomics.store(this.ints, INPUT_STATE, INPUT_IDLE);
        return new TextDecoder().decode(this.bytes.slice(0, length));
      }
      if (state === INPUT_EOF) {
        Atomics.store(this.ints, INPUT_STATE, INPUT_IDLE);
        return null;
      }
    }
  }
}
