/**
 * One request's abort signal, combining the caller's cancel with a watchdog: the request is
 * aborted when the caller cancels, or when nothing arrives for longer than the current timeout.
 * Afterwards it tells which of the two happened, as a `ModelError`.
 */
import { ModelError } from './errors.ts';

type Phase = 'response' | 'body';

export class RequestLifetime {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stall: { phase: Phase; afterMs: number } | null = null;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    readonly url: string,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    if (callerSignal?.aborted) this.controller.abort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  /** The signal to pass to fetch. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** (Re)starts the watchdog: abort unless `arm` is called again within `timeoutMs` (0 or Infinity: never). */
  arm(phase: Phase, timeoutMs: number): void {
    clearTimeout(this.timer);
    if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return;
    this.timer = setTimeout(() => {
      this.stall = { phase, afterMs: timeoutMs };
      this.controller.abort();
    }, timeoutMs);
  }

  /** Why the request was interrupted (cancelled or stalled), or null if it was not. */
  interruption(): ModelError | null {
    if (this.stall) {
      const seconds = formatSeconds(this.stall.afterMs);
      const message =
        this.stall.phase === 'response'
          ? `No response from ${this.url} within ${seconds}: the server may be overloaded or stuck (response timeout).`
          : `The stream from ${this.url} stalled: no data for ${seconds} (idle timeout).`;
      return new ModelError('stalled', message);
    }
    if (this.callerSignal?.aborted) return new ModelError('aborted', 'The request was cancelled.');
    return null;
  }

  /** Stops the watchdog and closes the connection if it is still open. */
  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
    this.controller.abort();
  }
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
