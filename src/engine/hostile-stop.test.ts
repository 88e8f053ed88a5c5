/**
 * Stop and the time limit on the real engine (both runtimes): a run ends however the program
 * resists — the tracer's stop flag, then KeyboardInterrupt, then terminating the worker (the
 * client starts a fresh one) — keeping the steps recorded so far.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsable, lastStep, runAndStop } from '../testing/engine-helpers.ts';
import type { EngineClient } from './client.ts';
import { createNodeEngine } from './node/engine.ts';
import { RUNTIME_IDS } from './runtimes.ts';

const FOREVER = { maxSteps: 1_000_000_000 };

describe.each(RUNTIME_IDS)('Stop and time limits on Python %s', (runtime) => {
  let engine: EngineClient;

  beforeAll(async () => {
    engine = createNodeEngine(runtime);
    await engine.boot();
  });

  afterAll(() => engine?.dispose());

  it('stops `while True: pass`', async () => {
    const { outcome, store } = await runAndStop(engine, { code: 'n = 7\nwhile True: pass', limits: FOREVER });
    expect(outcome.reason).toBe('stopped');
    expect(outcome.steps).toBe(store.stepCount);
    expect(lastStep(store)).toMatchObject({ kind: 'line', line: 2, variables: { n: '7' } });
    expect(engine.status.state).toBe('idle'); // the tracer stopped it: no new worker needed
    await expectUsable(engine);
  });

  it('stops a loop that catches KeyboardInterrupt', async () => {
    const code = 'n = 0\nwhile True:\n    try:\n        while True: pass\n    except KeyboardInterrupt:\n        n += 1';
    const { outcome, store } = await runAndStop(engine, { code, limits: FOREVER });
    expect(outcome.reason).toBe('stopped');
    expect(store.stepCount).toBeGreaterThan(3);
    expect(lastStep(store).line).toBe(4);
    await expectUsable(engine);
  });

  it('stops a loop that swallows every exception (the worker is replaced)', async () => {
    // `except BaseException` catches the tracer's stop and KeyboardInterrupt alike: only
    // terminating the worker ends it. The steps recorded before are kept.
    const code = 'n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n    except BaseException:\n        pass';
    const { outcome, store } = await runAndStop(engine, { code, limits: FOREVER });
    expect(outcome.reason).toBe('stopped');
    expect(store.stepCount).toBeGreaterThan(1000);
    expect(Number(lastStep(store).variables.n)).toBeGreaterThan(100);
    expect(engine.status.state).toBe('booting');
    await expectUsable(engine); // waits for the new worker
    expect(engine.status.state).toBe('idle');
  });

  it('ends time.sleep(100) at the time limit', async () => {
    const { outcome, store } = await engine.run({ code: 'import time\nx = 1\ntime.sleep(100)\nx = 2', limits: { timeLimitMs: 300 } });
    expect(outcome.reason).toBe('time limit');
    expect(lastStep(store)).toMatchObject({ line: 3, variables: { x: '1' } });
    expect(engine.status.state).toBe('idle');
    await expectUsable(engine);
  });

  it('stops time.sleep(100)', async () => {
    const { outcome, store } = await runAndStop(engine, { code: 'import time\nx = 1\ntime.sleep(100)\nx = 2' });
    expect(outcome.reason).toBe('stopped');
    expect(lastStep(store)).toMatchObject({ line: 3, variables: { x: '1' } });
    expect(engine.status.state).toBe('idle');
    await expectUsable(engine);
  });

  it('stops a program waiting for interactive input', async () => {
    let prompts = 0;
    const { outcome, store } = await engine.run(
      { code: 'x = 1\nname = input("name? ")\nx = 2', interactive: true },
      { onInput: () => { prompts++; setTimeout(() => engine.stop(), 100); } },
    );
    expect(prompts).toBe(1);
    expect(outcome.reason).toBe('stopped');
    expect(store.output).toBe('name? ');
    expect(lastStep(store)).toMatchObject({ line: 2, variables: { x: '1' } });
    await expectUsable(engine);
  });

  it('ends a loop that is not traced (inside __repr__) when Stop is pressed', async () => {
    const code = 'class A:\n    def __repr__(self):\n        while True: pass\n\nx = 1\na = A()\nx = 2';
    const { outcome, store } = await runAndStop(engine, { code, limits: FOREVER });
    expect(outcome.reason).toBe('stopped');
    expect(lastStep(store).variables.x).toBe('1');
    await expectUsable(engine);
  });
});
