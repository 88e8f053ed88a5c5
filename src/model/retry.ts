/**
 * Retrying a whole request with exponential backoff and jitter, honoring the server's
 * Retry-After: for the `eval` CLI's batch runs. Interactive streaming in the UI does not retry
 * (the user sees the error and the partial text, and decides).
 */
import { ModelError, type ModelErrorKind } from './errors.ts';

export interface RetryOptions {
  /** Retries after the first attempt (default 4: five attempts in all). */
  retries?: number;
  /** The first backoff (default 500 ms); it doubles with each retry. */
  baseDelayMs?: number;
  /** Backoff cap (default 30 s). A longer Retry-After is still honored, up to `maxRetryAfterMs`. */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the error is thrown (default 120 s). */
  maxRetryAfterMs?: number;
  /** Which errors to retry (default: `rate-limited` and `server`, i.e. 429 and 5xx). */
  retryOn?: readonly ModelErrorKind[];
  /** Stops the waiting (and is passed on to the attempts). */
  signal?: AbortSignal;
  /** Called before each wait. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ModelError }) => void;
  /** Random number in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
}

export const DEFAULT_RETRY_ON: readonly ModelErrorKind[] = ['rate-limited', 'server'];

/**
 * The wait before retry number `retry` (0 for the first): an exponential backoff
 * `min(maxDelay, base · 2^retry)` with "equal jitter" (half fixed, half random), and never less
 * than the server's Retry-After.
 */
export function retryDelayMs(retry: number, error: ModelError, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  const backoff = Math.min(cap, base * 2 ** retry);
  const jittered = backoff / 2 + random() * (backoff / 2);
  return Math.max(jittered, error.retryAfterMs ?? 0);
}

/**
 * Runs `attempt` until it succeeds, it fails with an error that is not retryable, or the retries
 * are used up (the last error is thrown). `attempt` gets the attempt number (0, 1, …): a caller
 * that streams must start its output afresh on each attempt.
 */
export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 4;
  const retryOn = options.retryOn ?? DEFAULT_RETRY_ON;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  for (let attemptNumber = 0; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!(error instanceof ModelError) || !retryOn.includes(error.kind) || attemptNumber >= retries) throw error;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > maxRetryAfterMs) throw error;
      if (options.signal?.aborted) throw error;
      const delayMs = retryDelayMs(attemptNumber, error, options);
      options.onRetry?.({ attempt: attemptNumber + 1, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = (): ModelError => new ModelError('aborted', 'The request was cancelled while waiting to retry.');
    if (signal?.aborted) return reject(cancelled());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
