/**
 * What the real engine records for ordinary programs (both runtimes): input, determinism, and
 * the execution semantics a learner steps through — generators, exceptions, classes, closures,
 * comprehensions, aliasing, mutation seen from other frames, globals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameVariables, lastStep, materialize, stepViews } from '../testing/engine-helpers.ts';
import { emitCwm } from '../trace/cwm/emit.ts';
import type { EngineClient } from './client.ts';
import { createNodeEngine } from './node/engine.ts';
import { RUNTIME_IDS } from './runtimes.ts';

describe.each(RUNTIME_IDS)('the engine on Python %s', (runtime) => {
  let engine: EngineClient;

  beforeAll(async () => {
    engine = createNodeEngine(runtime);
    await engine.boot();
  });

  afterAll(() => engine?.dispose());

  describe('input()', () => {
    const program = 'a = input("a? ")\nb = input("b? ")\nprint(a + b)';

    it('reads prepared stdin; prompts and echoed input appear in the output in order', async () => {
      const { outcome, store } = await engine.run({ code: program, stdin: 'x\ny\n' });
      expect(outcome.reason).toBe('completed');
      expect(store.output).toBe('a? x\nb? y\nxy\n');
      expect(store.outputRuns().map((run) => [run.stream, store.output.slice(run.start, run.end)])).toEqual([
        ['stdout', 'a? '], ['stdin', 'x\n'], ['stdout', 'b? '], ['stdin', 'y\n'], ['stdout', 'xy\n'],
      ]);
      expect(lastStep(store).variables).toEqual({ a: "'x'", b: "'y'" });
    });

    it('raises EOFError when prepared stdin runs out', async () => {
      const { outcome, store } = await engine.run({ code: program, stdin: 'x' });
      expect(outcome).toMatchObject({ reason: 'uncaught exception', type: 'EOFError', message: 'EOF when reading a line', line: 2 });
      expect(store.output.startsWith('a? x\nb? Traceback (most recent call last):\n')).toBe(true);
      expect(lastStep(store).variables).toEqual({ a: "'x'" });
    });

    it('asks the user when interactive, after the prepared text', async () => {
      const prompts: string[] = [];
      const { outcome, store } = await engine.run(
        { code: program + '\nn = int(input("n? "))', stdin: 'x\n', interactive: true },
        { onInput: (prompt) => { prompts.push(prompt); engine.provideInput(prompts.length === 1 ? 'y' : '42'); } },
      );
      expect(outcome.reason).toBe('completed');
      expect(prompts).toEqual(['b? ', 'n? ']);
      expect(store.output).toBe('a? x\nb? y\nxy\nn? 42\n');
      expect(lastStep(store).variables).toEqual({ a: "'x'", b: "'y'", n: '42' });
    });

    it('raises EOFError when the user ends the input', async () => {
      const { outcome, store } = await engine.run(
        { code: 'try:\n    s = input("? ")\nexcept EOFError as e:\n    s = repr(e)', interactive: true },
        { onInput: () => engine.provideInput(null) },
      );
      expect(outcome.reason).toBe('completed');
      expect(lastStep(store).variables.s).toBe(`"EOFError('EOF when reading a line')"`);
    });
  });

  it('gives identical traces for the same program (hash order, random, object ids)', async () => {
    const code = [
      'import random',
      "words = {'pear', 'apple', 'fig', 'kiwi', 'plum'}",
      'ages = {w: len(w) for w in words}',
      'r = random.random()',
      'class Box:',
      '    pass',
      'b = Box()',
      'ident = id(b)',
      'text = str(b)',
      'print(words, ages, r, hash("x"))',
      'print(b, hex(ident))',
    ].join('\n');
    const first = await engine.run({ code });
    // another program in between leaves the interpreter's memory in a different state
    await engine.run({ code: 'junk = [object() for _ in range(1000)]\nprint(junk[-1])' });
    const second = await engine.run({ code });
    expect(first.outcome.reason).toBe('completed');
    // addresses are numbered by first appearance: id() and default reprs agree
    const [, address, hexId] = /<__main__\.Box object at (0x[0-9a-f]+)> (0x[0-9a-f]+)\n$/.exec(first.store.output) ?? [];
    expect(address).toBe(hexId);
    expect(lastStep(first.store).variables.text).toBe(`'<__main__.Box object at ${address}>'`);
    expect(emitCwm(second.store)).toBe(emitCwm(first.store));
    expect(materialize(second.store)).toEqual(materialize(first.store));
  });

  it('records a generator: a call on each resume, a return on each yield, one frame', async () => {
    const code = [
      'def gen(n):',
      '    for i in range(n):',
      '        yield i * 10',
      "    return 'done'",
      '',
      'g = gen(2)',
      'a = next(g)',
      'b = next(g)',
      'try:',
      '    next(g)',
      'except StopIteration as e:',
      '    c = e.value',
    ].join('\n');
    const { outcome, store } = await engine.run({ code });
    expect(outcome.reason).toBe('completed');
    const steps = stepViews(store).map((s, step) => ({ ...s, activation: store.activation(step) }));
    const inGen = steps.filter((s) => s.name === 'gen');
    expect(new Set(inGen.map((s) => s.frameId)).size).toBe(1);
    expect(new Set(inGen.map((s) => s.activation)).size).toBe(3);
    expect(inGen.filter((s) => s.kind === 'call')).toHaveLength(3);
    expect(inGen.filter((s) => s.kind === 'return').map((s) => s.value)).toEqual(['0', '10', "'done'"]);
    // a resumed generator still has its locals
    const resumed = inGen.filter((s) => s.kind === 'call')[1];
    expect(resumed.variables).toEqual({ n: '2', i: '0' });
    expect(lastStep(store).variables).toMatchObject({ a: '0', b: '10', c: "'done'" });
  });

  it('records an exception unwinding through frames, and finally blocks on the way', async () => {
    const code = [
      'def inner():',
      '    return 1 / 0',
      'def outer():',
      '    try:',
      '        inner()',
      '    finally:',
      '        cleaned = True',
      'try:',
      '    outer()',
      'except ZeroDivisionError as e:',
      '    message = str(e)',
    ].join('\n');
    const { outcome, store } = await engine.run({ code });
    expect(outcome.reason).toBe('completed');
    const trail = stepViews(store)
      .filter((s) => s.kind === 'exception' || s.kind === 'return' || s.line === 7)
      .map((s) => `${s.kind} ${s.name}:${s.line}`);
    expect(trail).toEqual([
      'exception inner:2', 'return inner:2', 'exception outer:5', 'line outer:7', 'return outer:7',
      'exception <module>:9', 'return <module>:11',
    ]);
    const exceptions = stepViews(store).filter((s) => s.kind === 'exception');
    expect(exceptions.every((s) => s.value === 'ZeroDivisionError: division by zero')).toBe(true);
    expect(lastStep(store).variables.message).toBe("'division by zero'");
  });

  it('records a class with methods: self is the caller\'s object, attributes change in place', async () => {
    const code = [
      'class Counter:',
      '    def __init__(self, start):',
      '        self.count = start',
      '    def bump(self, by=1):',
      '        self.count += by',
      '        return self.count',
      '',
      'c = Counter(5)',
      'c.bump()',
      'total = c.bump(3)',
    ].join('\n');
    const { outcome, store } = await engine.run({ code });
    expect(outcome.reason).toBe('completed');
    const last = store.stepCount - 1;
    const c = store.stack(last)[0].variables.find((v) => v.name === 'c')!;
    expect(store.object(c.objectId, last)).toMatchObject({ kind: 'instance', typeName: 'Counter', refs: [{ inline: 'count' }, { inline: '9' }] });
    const bumps = stepViews(store).map((s, step) => ({ s, step })).filter(({ s }) => s.name === 'bump' && s.kind === 'return');
    expect(bumps.map(({ s }) => s.value)).toEqual(['6', '9']);
    for (const { step } of bumps) {
      const self = store.stack(step)[0].variables.find((v) => v.name === 'self')!;
      expect(self.objectId).toBe(c.objectId);
    }
    expect(lastStep(store).variables.total).toBe('9');
  });

  it('records a closure\'s free variable changing across calls', async () => {
    const code = 'def make():\n    count = 0\n    def inc():\n        nonlocal count\n        count += 1\n        return count\n    return inc\n\ninc = make()\ninc()\nlast = inc()';
    const { outcome, store } = await engine.run({ code });
    expect(outcome.reason).toBe('completed');
    const returns = stepViews(store).filter((s) => s.name === 'inc' && s.kind === 'return');
    expect(returns.map((s) => [s.value, s.variables.count])).toEqual([['1', '1'], ['2', '2']]);
    expect(lastStep(store).variables.last).toBe('2');
  });

  it(runtime === '3.11' ? 'runs a comprehension in its own frame (with .0)' : 'inlines a comprehension (PEP 709)', async () => {
    const { outcome, store } = await engine.run({ code: 'n = 3\nsquares = [i * i for i in range(n)]' });
    expect(outcome.reason).toBe('completed');
    const steps = stepViews(store);
    const inComprehension = steps.filter((s) => s.variables.i !== undefined);
    if (runtime === '3.11') {
      expect(inComprehension.every((s) => s.name === '<listcomp>' && s.depth === 1)).toBe(true);
      expect(inComprehension.at(-1)!.variables).toEqual({ '.0': '<range_iterator object>', i: '2' });
      expect(steps.filter((s) => s.name === '<listcomp>' && s.kind === 'return').map((s) => s.value)).toEqual(['[0, 1, 4]']);
    } else {
      expect(steps.every((s) => s.name === '<module>')).toBe(true);
      expect(inComprehension.map((s) => s.variables.i)).toEqual(['0', '1', '2']);
    }
    expect(lastStep(store).variables).toEqual({ n: '3', squares: '[0, 1, 4]' });
  });

  it('shows aliasing: two names, one object, mutated through either', async () => {
    const { outcome, store } = await engine.run({ code: 'a = [1]\nb = a\nb.append(2)\nc = [1, 2]' });
    expect(outcome.reason).toBe('completed');
    const variables = store.stack(store.stepCount - 1)[0].variables;
    const [a, b, c] = ['a', 'b', 'c'].map((name) => variables.find((v) => v.name === name)!);
    expect(a.objectId).toBe(b.objectId);
    expect(c.objectId).not.toBe(a.objectId);
    expect([a.value, b.value, c.value]).toEqual(['[1, 2]', '[1, 2]', '[1, 2]']);
    expect(store.object(a.objectId, store.stepCount - 1)!.repr).toBe('[1, 2]');
    // before the append, both showed [1]
    expect(frameVariables(store, 3, '<module>')).toEqual({ a: '[1]', b: '[1]' });
  });

  it('takes runs asked for at the same time in turn: the later ones stop the earlier, none hangs', async () => {
    const programs = ['a = 1\nb = a + 1', 'while True:\n    pass', 'x = [1, 2]\nx.append(3)', 'print("last")'];
    const results = await Promise.all(programs.map((code) => engine.run({ code })));
    expect(results.map((r) => r.outcome.reason)).toEqual(['stopped', 'stopped', 'stopped', 'completed']);
    expect(results[3].store.output).toBe('last\n');
    const again = await engine.run({ code: 'y = 2' });
    expect(again.outcome.reason).toBe('completed');
  });

  it('records a name rebound from an object to None (and back)', async () => {
    const { store } = await engine.run({ code: 'a = [1]\na = None\na = [2]\nb = 0' });
    const last = store.stepCount - 1;
    expect(frameVariables(store, 3, '<module>')).toEqual({ a: 'None' });
    expect(store.stack(last)[0].variables.find((v) => v.name === 'a')?.value).toBe('[2]');
  });

  it("shows a callee's mutation of the caller's list in the caller's frame while the callee runs", async () => {
    const code = 'def fill(items):\n    items.append(3)\n    items.append(4)\n    return len(items)\n\nxs = [1]\nn = fill(xs)';
    const { outcome, store } = await engine.run({ code });
    expect(outcome.reason).toBe('completed');
    const steps = stepViews(store);
    const afterFirstAppend = steps.findIndex((s) => s.name === 'fill' && s.line === 3);
    expect(frameVariables(store, afterFirstAppend, 'fill')).toEqual({ items: '[1, 3]' });
    expect(frameVariables(store, afterFirstAppend, '<module>')).toMatchObject({ xs: '[1, 3]' });
    expect(lastStep(store).variables).toMatchObject({ xs: '[1, 3, 4]', n: '3' });
  });

  it('shows a global rebound inside a function in the module frame at once', async () => {
    const code = 'level = 1\ndef promote():\n    global level\n    level = 5\n    return level\n\npromote()\nafter = level';
    const { outcome, store } = await engine.run({ code });
    expect(outcome.reason).toBe('completed');
    const steps = stepViews(store);
    const afterAssignment = steps.findIndex((s) => s.name === 'promote' && s.line === 5);
    expect(frameVariables(store, afterAssignment, 'promote')).toEqual({});
    expect(frameVariables(store, afterAssignment, '<module>')).toMatchObject({ level: '5' });
    expect(frameVariables(store, afterAssignment - 1, '<module>')).toMatchObject({ level: '1' });
    expect(lastStep(store).variables).toMatchObject({ level: '5', after: '5' });
  });

  it('traces one call expression through main()', async () => {
    const { outcome, store } = await engine.run({ code: 'def f(xs):\n    return sum(xs) * 2', call: 'f([1, 2, 3])' });
    expect(outcome.reason).toBe('completed');
    const returns = stepViews(store).filter((s) => s.kind === 'return').map((s) => [s.name, s.value]);
    expect(returns).toEqual([['f', '12'], ['main', '12']]);
  });
});
