import { describe, expect, it } from 'vitest';
import { streamCompletion } from './completions.ts';
import { ModelError } from './errors.ts';
import { retryDelayMs, withRetries } from './retry.ts';
import { rejectionOf, startTestServerForFile } from './test-helpers.ts';

const test = startTestServerForFile();
const fast = { baseDelayMs: 5, maxDelayMs: 40 };

describe('retryDelayMs', () => {
  const error = new ModelError('server', 'failed');
  it('doubles, with half of it random, up to the cap', () => {
    expect(retryDelayMs(0, error, { baseDelayMs: 100, random: () => 0 })).toBe(50);
    expect(retryDelayMs(0, error, { baseDelayMs: 100, random: () => 0.999999 })).toBeCloseTo(100, 3);
    expect(retryDelayMs(3, error, { baseDelayMs: 100, random: () => 0 })).toBe(400);
    expect(retryDelayMs(20, error, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 })).toBe(500);
  });

  it('never waits less than Retry-After', () => {
    const limited = new ModelError('rate-limited', 'slow down', { retryAfterMs: 3000 });
    expect(retryDelayMs(0, limited, { baseDelayMs: 100, random: () => 0.5 })).toBe(3000);
  });
});

describe('withRetries', () => {
  it('retries 429 (honoring Retry-After) and 5xx until it succeeds', async () => {
    test.server.respondOnceWith({ fault: { kind: 'status', status: 429, retryAfterMs: 60 } });
    test.server.respondOnceWith({ fault: { kind: 'status', status: 503, retryAfterMs: 10 } });
    test.server.respondWith({ text: 'finally' });
    const waits: { attempt: number; delayMs: number; kind: string }[] = [];
    const attempts: number[] = [];
    const started = performance.now();
    const result = await withRetries(
      (attempt) => {
        attempts.push(attempt);
        return streamCompletion(test.endpoint(), { prompt: 'x' });
      },
      { ...fast, onRetry: ({ attempt, delayMs, error }) => waits.push({ attempt, delayMs, kind: error.kind }) },
    );
    expect(result.text).toBe('finally');
    expect(attempts).toEqual([0, 1, 2]);
    expect(waits.map((wait) => [wait.attempt, wait.kind])).toEqual([
      [1, 'rate-limited'],
      [2, 'server'],
    ]);
    expect(waits[0].delayMs).toBe(60);
    expect(performance.now() - started).toBeGreaterThanOrEqual(60);
  });

  it('gives up after the retries, throwing the last error', async () => {
    test.server.respondWith({ fault: { kind: 'status', status: 500 } });
    await rejectionOf(withRetries(() => streamCompletion(test.endpoint(), { prompt: 'x' }), { ...fast, retries: 2 }), 'server');
    expect(test.server.requests).toHaveLength(3);
  });

  it('does not retry other errors', async () => {
    await rejectionOf(withRetries(() => streamCompletion(test.endpoint('fault-401'), { prompt: 'x' }), fast), 'unauthorized');
    expect(test.server.requests).toHaveLength(1);
  });

  it('retries the kinds it is told to', async () => {
    test.server.respondOnceWith({ text: 'abc', fault: { kind: 'cut', afterChunks: 0 } });
    test.server.respondWith({ text: 'whole' });
    const result = await withRetries(() => streamCompletion(test.endpoint(), { prompt: 'x' }), { ...fast, retryOn: ['cut'] });
    expect(result.text).toBe('whole');
  });

  it('does not wait for a Retry-After beyond the limit', async () => {
    test.server.respondWith({ fault: { kind: 'status', status: 429, retryAfterSeconds: 3600 } });
    const error = await rejectionOf(withRetries(() => streamCompletion(test.endpoint(), { prompt: 'x' }), fast), 'rate-limited');
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(test.server.requests).toHaveLength(1);
  });

  it('stops waiting when aborted', async () => {
    test.server.respondWith({ fault: { kind: 'status', status: 429, retryAfterSeconds: 30 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const attempts: number[] = [];
    // Aborting cuts the 30 s Retry-After wait short: the call ends as aborted with one attempt
    // made (this test's 10 s timeout fails it if the wait ran its course).
    await rejectionOf(withRetries((attempt) => {
      attempts.push(attempt);
      return streamCompletion(test.endpoint(), { prompt: 'x' }, { signal: controller.signal });
    }, { signal: controller.signal }), 'aborted');
    expect(attempts).toEqual([0]);
  }, 10_000);
});
