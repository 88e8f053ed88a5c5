/**
 * Hostile and runaway programs on the real engine (Pyodide in a Node worker thread, both
 * runtimes): each ends with a clear outcome, keeps the steps recorded before it ended, and leaves
 * the engine ready for the next program. Stop and time limits: hostile-stop.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUsable, frameVariables, lastStep, maxDepth, stepViews } from '../testing/engine-helpers.ts';
import type { EngineClient } from './client.ts';
import { createNodeEngine } from './node/engine.ts';
import { RUNTIME_IDS } from './runtimes.ts';

describe.each(RUNTIME_IDS)('hostile programs on Python %s', (runtime) => {
  let engine: EngineClient;

  beforeAll(async () => {
    engine = createNodeEngine(runtime);
    await engine.boot();
  });

  afterAll(() => engine?.dispose());

  describe('runaway loops and recursion', () => {
    it('ends `while True: pass` at the step limit, keeping every step', async () => {
      const { outcome, store } = await engine.run({ code: 'n = 7\nwhile True: pass', limits: { maxSteps: 5000 } });
      expect(outcome).toMatchObject({ reason: 'step limit', steps: 5000 });
      expect(store.stepCount).toBe(5000);
      // every pass round the loop is a step on line 2 (3.11 reports no line event for a jump to
      // itself; the tracer makes it one, as 3.12+ do)
      expect(stepViews(store, 100, 110).every((s) => s.kind === 'line' && s.line === 2)).toBe(true);
      expect(lastStep(store)).toMatchObject({ kind: 'line', line: 2, variables: { n: '7' } });
      await expectUsable(engine);
    });

    it('ends `while True: pass` at the time limit when the step cap is high', async () => {
      const { outcome, store } = await engine.run({
        code: 'n = 7\nwhile True: pass', limits: { maxSteps: 100_000_000, timeLimitMs: 400 },
      });
      expect(outcome.reason).toBe('time limit');
      expect(store.stepCount).toBeGreaterThan(1000);
      expect(outcome.steps).toBe(store.stepCount);
      expect(lastStep(store)).toMatchObject({ line: 2, variables: { n: '7' } });
      await expectUsable(engine);
    });

    it('reports infinite recursion as an uncaught RecursionError and records the unwinding', async () => {
      const { outcome, store } = await engine.run({ code: 'def f(n):\n    return f(n + 1)\n\nf(0)' });
      expect(outcome).toMatchObject({
        reason: 'uncaught exception', type: 'RecursionError', message: 'maximum recursion depth exceeded', line: 2,
      });
      const deepest = maxDepth(store);
      expect(deepest).toBeGreaterThan(950); // Python's default limit of 1000 frames, less the harness's
      expect(deepest).toBeLessThanOrEqual(1000);
      // every frame records the exception going through it, then returns
      const steps = stepViews(store, store.stepCount - 2 * deepest - 2);
      expect(steps.filter((s) => s.kind === 'exception' && s.name === 'f')).toHaveLength(deepest);
      expect(steps.at(-2)).toMatchObject({ kind: 'exception', name: '<module>', line: 4, value: 'RecursionError: maximum recursion depth exceeded' });
      expect(steps.at(-1)).toMatchObject({ kind: 'return', name: '<module>' });
      expect(store.output).toContain('  File "main.py", line 2, in f\n    return f(n + 1)\n');
      expect(store.output).toMatch(/\[Previous line repeated \d+ more times\]\nRecursionError: maximum recursion depth exceeded\n$/);
      await expectUsable(engine);
    });

    it('keeps tracing after the program catches a RecursionError', async () => {
      const code = 'def f(n):\n    return f(n + 1)\n\ntry:\n    f(0)\nexcept RecursionError as e:\n    caught = str(e)\ndone = True';
      const { outcome, store } = await engine.run({ code });
      expect(outcome.reason).toBe('completed');
      expect(lastStep(store)).toMatchObject({
        kind: 'return', name: '<module>', variables: { caught: "'maximum recursion depth exceeded'", done: 'True' },
      });
    });

    it('clamps sys.setrecursionlimit(10**6): deep recursion ends in a clean RecursionError', async () => {
      const code = [
        'import sys',
        'sys.setrecursionlimit(10**6)',
        'print(sys.getrecursionlimit())',
        'def f(n):',
        '    return f(n + 1)',
        'f(0)',
      ].join('\n');
      const { outcome, store } = await engine.run({ code, limits: { maxSteps: 1_000_000 } });
      expect(outcome).toMatchObject({ reason: 'uncaught exception', type: 'RecursionError', line: 5 });
      expect(store.output.startsWith('3000\n')).toBe(true);
      const deepest = maxDepth(store);
      expect(deepest).toBeGreaterThan(2900);
      expect(deepest).toBeLessThanOrEqual(3000);
      expect(lastStep(store)).toMatchObject({ kind: 'return', name: '<module>' });
      await expectUsable(engine);
    });

    it('honours a lower recursion limit set by the program', async () => {
      const code = [
        'import sys',
        'try:',
        '    sys.setrecursionlimit(2)',
        'except RecursionError as e:',
        '    print(e)',
        'sys.setrecursionlimit(60)',
        'def f(n):',
        '    return f(n + 1)',
        'try:',
        '    f(0)',
        'except RecursionError as e:',
        '    print(e, sys.getrecursionlimit())',
      ].join('\n');
      const { outcome, store } = await engine.run({ code });
      expect(outcome.reason).toBe('completed');
      expect(store.output).toMatch(/^cannot set the recursion limit to 2 at the recursion depth \d+: the limit is too low\n/);
      expect(store.output).toMatch(/\nmaximum recursion depth exceeded 60\n$/);
      expect(maxDepth(store)).toBeGreaterThan(40);
      expect(maxDepth(store)).toBeLessThanOrEqual(60);
    });

    it('survives deep recursion through C (callbacks from map, __init__ via a class call)', async () => {
      const code = [
        'import sys',
        'sys.setrecursionlimit(10**6)',
        'def f(n):',
        '    return list(map(f, [n + 1]))',
        'class Node:',
        '    def __init__(self, n):',
        '        self.child = Node(n + 1)',
        'errors = []',
        'for attempt in (lambda: f(0), lambda: Node(0)):',
        '    try:',
        '        attempt()',
        '    except RecursionError as e:',
        '        errors.append(str(e))',
      ].join('\n');
      const { outcome, store } = await engine.run({ code, limits: { maxSteps: 1_000_000 } });
      expect(outcome.reason).toBe('completed');
      expect(lastStep(store).variables.errors).toBe("['maximum recursion depth exceeded', 'maximum recursion depth exceeded']");
      await expectUsable(engine);
    });
  });

  it('ends a runaway C recursion with a clear outcome and a working engine after', async () => {
    // The repr of a 300,000-deep nested list recurses in C. 3.11 counts that against the
    // recursion limit; 3.14 checks a C stack that is not the one WebAssembly runs out of, so the
    // runtime dies: the run ends as `crashed` and the client starts a fresh worker.
    const code = 'x = []\nfor i in range(300000):\n    x = [x]\ndef f():\n    y = 1\n    return len(repr(x))';
    const { outcome } = await engine.run({ code, call: 'f()' });
    if (runtime === '3.11') {
      expect(outcome).toMatchObject({ reason: 'uncaught exception', type: 'RecursionError', line: 6 });
    } else {
      expect(outcome).toMatchObject({ reason: 'crashed', message: 'Maximum call stack size exceeded' });
    }
    await expectUsable(engine);
  });

  describe('memory and output', () => {
    it('reports `[0] * 10**10` as an uncaught exception (OverflowError: WebAssembly is 32-bit)', async () => {
      // 10**10 items do not fit a 32-bit size: OverflowError, as on any 32-bit CPython.
      const { outcome, store } = await engine.run({ code: 'a = 1\nx = [0] * 10**10' });
      expect(outcome).toMatchObject({ reason: 'uncaught exception', type: 'OverflowError', line: 2 });
      expect(lastStep(store)).toMatchObject({ kind: 'return', variables: { a: '1' } });
      await expectUsable(engine);
    });

    it('reports `[0] * 10**9` as an uncaught MemoryError', async () => {
      // 10**9 items fit a size, but the 4 GB they need cannot be had.
      const { outcome, store } = await engine.run({ code: 'a = 1\nx = [0] * 10**9' });
      expect(outcome).toMatchObject({ reason: 'uncaught exception', type: 'MemoryError', line: 2 });
      expect(store.output).toMatch(/x = \[0\] \* 10\*\*9\nMemoryError\n$/);
      expect(lastStep(store)).toMatchObject({ kind: 'return', variables: { a: '1' } });
      await expectUsable(engine);
    });

    it('ends printing 10**7 lines one print at a time at the step limit', async () => {
      const { outcome, store } = await engine.run({ code: 'for i in range(10**7): print(i)' });
      expect(outcome).toMatchObject({ reason: 'step limit', steps: 100_000 });
      const lines = store.output.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.slice(0, 3)).toEqual(['0', '1', '2']);
      expect(lines.every((line, i) => line === String(i))).toBe(true);
      // the last step shows the output printed before it; the loop went on a little further
      // until the tracer's next check, and that output is kept too
      const i = Number(lastStep(store).variables.i);
      const shown = store.output.slice(0, store.outputLengthAt(store.stepCount - 1));
      expect(shown.endsWith(`\n${i}\n`)).toBe(true);
      expect(lines.length).toBeGreaterThan(i);
      expect(lines.length).toBeLessThan(i + 3);
      await expectUsable(engine);
    });

    it('ends printing 10**7 lines at once at the output limit, output cut at the cap', async () => {
      const { outcome, store } = await engine.run({
        code: "x = 1\nprint('\\n'.join(map(str, range(10**7))))\ny = 2", limits: { maxOutputChars: 200_000 },
      });
      expect(outcome.reason).toBe('output limit');
      expect(store.output).toHaveLength(200_000);
      expect(store.output.startsWith('0\n1\n2\n3\n')).toBe(true);
      expect(lastStep(store)).toMatchObject({ line: 2, variables: { x: '1' } });
      await expectUsable(engine);
    });

    it('shows a 10**6-item list bounded, with the truncation mark, over several steps', async () => {
      const code = 'x = list(range(10**6))\ny = 1\ny = 2\nx.append(-1)\ny = 3';
      const { outcome, store } = await engine.run({ code, limits: { maxReprLength: 200 } });
      expect(outcome.reason).toBe('completed');
      const [frame] = store.stack(store.stepCount - 1);
      const x = frame.variables.find((v) => v.name === 'x')!;
      expect(x.value.startsWith('[0, 1, 2, 3, ')).toBe(true);
      expect(x.value.endsWith(', …]')).toBe(true);
      expect(x.value.length).toBeLessThan(300);
      expect(store.object(x.objectId, store.stepCount - 1)).toMatchObject({ kind: 'list', length: 10 ** 6 + 1 });
      expect(store.object(x.objectId, 3)).toMatchObject({ length: 10 ** 6 });
    });
  });

  describe('user code that fights the tracer', () => {
    it('shows a placeholder for a __repr__ that raises, and keeps tracing', async () => {
      const code = 'class A:\n    def __repr__(self):\n        raise ValueError("no")\n\na = A()\nb = [a]\nc = 3';
      const { outcome, store } = await engine.run({ code });
      expect(outcome.reason).toBe('completed');
      expect(lastStep(store).variables).toMatchObject({
        a: '<A object (repr raised ValueError)>', b: '[<A object (repr raised ValueError)>]', c: '3',
      });
    });

    it('ends a __repr__ that never returns at the time limit, keeping the steps before it', async () => {
      // The tracer calls __repr__ with tracing off, so only the time limit (an interrupt) ends it.
      const code = 'x = 1\nclass A:\n    def __repr__(self):\n        while True: pass\n\ny = 2\na = A()\nz = 3';
      const { outcome, store } = await engine.run({ code, limits: { timeLimitMs: 300 } });
      expect(outcome.reason).toBe('time limit');
      expect(store.stepCount).toBeGreaterThan(4);
      expect(frameVariables(store, store.stepCount - 1, '<module>')).toMatchObject({ x: '1', y: '2' });
      await expectUsable(engine);
    });

    it('ignores sys.settrace(None) from user code', async () => {
      const code = 'import sys\nsys.settrace(None)\nx = 1\ndef f():\n    return 2\ny = f()';
      const { outcome, store } = await engine.run({ code });
      expect(outcome.reason).toBe('completed');
      const steps = stepViews(store);
      expect(steps.some((s) => s.kind === 'call' && s.name === 'f')).toBe(true);
      expect(lastStep(store).variables).toMatchObject({ x: '1', y: '2' });
    });

    it('ends the run at os._exit(0) at once: no except or finally runs after it', async () => {
      const code = "import os\nx = 1\ntry:\n    os._exit(0)\nexcept BaseException:\n    print('caught')\nfinally:\n    print('bye')\nx = 2";
      const { outcome, store } = await engine.run({ code });
      expect(outcome).toMatchObject({ reason: 'exited', exitCode: 0 });
      expect(lastStep(store)).toMatchObject({ line: 4, variables: { x: '1' } });
      expect(store.output).toBe('');
      await expectUsable(engine);
    });

    it('ends the run at sys.exit(3) with the exit code', async () => {
      const { outcome, store } = await engine.run({ code: 'import sys\ndef f():\n    sys.exit(3)\nf()\nx = 2' });
      expect(outcome).toMatchObject({ reason: 'exited', exitCode: 3 });
      expect(stepViews(store).some((s) => s.kind === 'exception' && s.name === 'f' && s.value === 'SystemExit: 3')).toBe(true);
      expect(lastStep(store)).toMatchObject({ kind: 'return', name: '<module>', line: 4 });
      expect(store.output).toBe('');
      await expectUsable(engine);
    });
  });

  describe('source text', () => {
    it('reports a syntax error with line and column and no steps', async () => {
      const { outcome, store } = await engine.run({ code: 'x = 1\ny = (2,\nz = 3' });
      expect(outcome).toMatchObject({ reason: 'syntax error', type: 'SyntaxError', where: 'code', line: 2, column: 5, steps: 0 });
      expect(store.stepCount).toBe(0);
    });

    it('reports an indentation error with line and column and no steps', async () => {
      const { outcome, store } = await engine.run({ code: 'def f():\nreturn 1' });
      expect(outcome).toMatchObject({ reason: 'syntax error', type: 'IndentationError', where: 'code', line: 2, column: 1 });
      expect(store.stepCount).toBe(0);
    });

    it('reports a syntax error in the call expression as such', async () => {
      const { outcome, store } = await engine.run({ code: 'def f(x):\n    return x', call: 'f(1,' });
      expect(outcome).toMatchObject({ reason: 'syntax error', where: 'call', line: 1, column: 2 });
      expect(store.stepCount).toBe(0);
    });

    it('keeps non-ASCII names, strings and output exact, output offsets in UTF-16 units', async () => {
      const code = "café = 'naïve ☕ 𝔘'\nprint(café)\nπ = len(café)\nprint(café, π)";
      const { outcome, store } = await engine.run({ code });
      expect(outcome.reason).toBe('completed');
      expect(lastStep(store).variables).toEqual({ café: "'naïve ☕ 𝔘'", π: '9' });
      expect(store.output).toBe('naïve ☕ 𝔘\nnaïve ☕ 𝔘 9\n');
      const first = 'naïve ☕ 𝔘\n';
      // line 3 runs after the first print: the output so far is exactly that line (𝔘 is 2 units)
      const line3 = stepViews(store).findIndex((s) => s.line === 3);
      expect(store.outputLengthAt(line3)).toBe(first.length);
      expect(store.output.slice(0, store.outputLengthAt(line3))).toBe(first);
      expect(store.outputLengthAt(store.stepCount - 1)).toBe(store.output.length);
    });

    it('runs a 1 MB program', async () => {
      const lines = Array.from({ length: 20_000 }, (_, i) => `x${i % 10} = ${i} * 2 + ${'7'.repeat(40)}`);
      const code = lines.join('\n');
      expect(code.length).toBeGreaterThan(1_000_000);
      const { outcome, store } = await engine.run({ code });
      expect(outcome).toMatchObject({ reason: 'completed', steps: 20_002 });
      expect(lastStep(store)).toMatchObject({ kind: 'return', line: 20_000 });
      expect(lastStep(store).variables.x9).toBe(String(19_999n * 2n + BigInt('7'.repeat(40))));
    });

    it('ends a 1 MB program of distinct names at the step cap', async () => {
      const code = Array.from({ length: 20_000 }, (_, i) => `v${i} = ${i} * 2 + ${'7'.repeat(40)}`).join('\n');
      const { outcome, store } = await engine.run({ code, limits: { maxSteps: 2000 } });
      expect(outcome).toMatchObject({ reason: 'step limit', steps: 2000 });
      expect(lastStep(store)).toMatchObject({ kind: 'line', line: 1999 });
      expect(Object.keys(lastStep(store).variables)).toHaveLength(1998);
      await expectUsable(engine);
    });
  });
});
