import { describe, expect, it } from 'vitest';
import { engineForTests } from '../../testing/engine-helpers.ts';
import type { TraceStore } from '../../trace/store.ts';
import { buildHeapGraph, FRAMES_NODE, type GraphObject, type HeapGraph } from './heap-graph.ts';

const trace = engineForTests('3.11');

/** The last step (the module returning): every variable bound. */
const last = (store: TraceStore) => store.stepCount - 1;

/** The first `line` step at a line (the state before that line runs). */
function before(store: TraceStore, line: number): number {
  for (let step = 0; step < store.stepCount; step++) {
    if (store.kind(step) === 'line' && store.line(step) === line) return step;
  }
  throw new Error(`no step at line ${line}`);
}

function variable(graph: HeapGraph, name: string) {
  for (const frame of graph.frames) {
    const slot = frame.slots.find((s) => s.label === name);
    if (slot) return slot;
  }
  throw new Error(`no variable ${name}`);
}

function objectOf(graph: HeapGraph, name: string): GraphObject {
  const value = variable(graph, name).value;
  if (value.kind !== 'ref') throw new Error(`${name} is inline`);
  return graph.objects.find((o) => o.objectId === value.objectId)!;
}

const texts = (object: GraphObject) => object.slots.map((s) => (s.value.kind === 'inline' ? s.value.text : `#${s.value.objectId}`));

describe('buildHeapGraph', () => {
  it('draws two arrows into one list for an alias, and the mutation through it', async () => {
    const store = await trace('a = [1]\nb = a\nb.append(2)\nx = 5\n');
    const graph = buildHeapGraph(store, before(store, 4));
    expect(graph.objects).toHaveLength(1);
    const list = graph.objects[0];
    expect(list).toMatchObject({ kind: 'list', shape: 'cells', indexed: true, length: 2, changed: true });
    expect(texts(list)).toEqual(['1', '2']);
    expect(list.slots.map((s) => s.changed)).toEqual([false, true]);
    const intoList = graph.edges.filter((e) => e.target === list.id);
    expect(intoList.map((e) => [e.source, e.description])).toEqual([
      [FRAMES_NODE, `a → list #${list.objectId}`],
      [FRAMES_NODE, `b → list #${list.objectId}`],
    ]);
    // One step later nothing changed any more; the int stays inline (no node).
    const after = buildHeapGraph(store, last(store));
    expect(after.objects.map((o) => o.changed)).toEqual([false]);
    expect(variable(after, 'x').value).toEqual({ kind: 'inline', text: '5' });
  });

  it('draws nested lists and a dict of lists with arrows from their slots', async () => {
    const store = await trace("m = [[1, 2], [3]]\nd = {'k': m[0], 'n': 2}\nm[0].append(9)\nz = 0\n");
    const graph = buildHeapGraph(store, before(store, 4));
    const outer = objectOf(graph, 'm');
    expect(outer.shape).toBe('rows'); // holds references: one row (and one arrow) per item
    expect(outer.slots.map((s) => s.label)).toEqual(['0', '1']);
    const first = graph.objects.find((o) => o.id === graph.edges.find((e) => e.port === outer.slots[0].port)!.target)!;
    expect(texts(first)).toEqual(['1', '2', '9']);
    // The inner list changed; the outer list's own items did not (only its repr did).
    expect(first.changed).toBe(true);
    expect(outer.changed).toBe(false);
    const dict = objectOf(graph, 'd');
    expect(dict).toMatchObject({ kind: 'dict', shape: 'rows' });
    expect(dict.slots.map((s) => s.label)).toEqual(["'k'", "'n'"]);
    expect(dict.slots[0].value).toEqual({ kind: 'ref', objectId: first.objectId });
    expect(dict.slots[1].value).toEqual({ kind: 'inline', text: '2' });
    expect(graph.edges.filter((e) => e.target === first.id).map((e) => e.source).sort()).toEqual([dict.id, outer.id].sort());
    expect(graph.objects.map((o) => o.objectId)).toEqual([...graph.objects.map((o) => o.objectId)].sort((a, b) => a - b));
  });

  it('draws an instance with its attributes, and functions and classes as boxes', async () => {
    const store = await trace(
      'class P:\n    def __init__(self, x):\n        self.x = x\n        self.items = [x]\n\ndef f():\n    pass\n\np = P(5)\n',
    );
    const graph = buildHeapGraph(store, last(store));
    const p = objectOf(graph, 'p');
    expect(p).toMatchObject({ kind: 'instance', typeName: 'P', shape: 'rows', length: 2 });
    expect(p.slots.map((s) => s.label)).toEqual(['x', 'items']);
    expect(p.slots[0].value).toEqual({ kind: 'inline', text: '5' });
    const items = graph.edges.find((e) => e.port === p.slots[1].port)!;
    expect(items.description).toBe(`P instance #${p.objectId} .items → list #${items.target.slice(1)}`);
    expect(objectOf(graph, 'P')).toMatchObject({ kind: 'class', shape: 'box', slots: [] });
    expect(objectOf(graph, 'f')).toMatchObject({ kind: 'function', shape: 'box', repr: '<function f>' });
  });

  it('summarizes a large list, expands it on request, and notes what the trace did not walk', async () => {
    const store = await trace('big = list(range(500))\n');
    const collapsed = objectOf(buildHeapGraph(store, last(store)), 'big');
    expect(collapsed).toMatchObject({ length: 500, hidden: 92, untraced: 400, expanded: false });
    expect(texts(collapsed)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    const expanded = objectOf(buildHeapGraph(store, last(store), { expanded: new Set([collapsed.objectId]) }), 'big');
    expect(expanded).toMatchObject({ hidden: 0, untraced: 400, expanded: true });
    expect(expanded.slots).toHaveLength(100);
    // A list one item over the limit is shown whole rather than folding a single item.
    const nine = await trace('a = list(range(9))\n');
    expect(objectOf(buildHeapGraph(nine, last(nine)), 'a')).toMatchObject({ hidden: 0, expanded: false });
  });

  it('leaves out objects no frame can reach, and draws a cycle once', async () => {
    const store = await trace('a = [1]\nb = a\na = 0\nb = 2\nc = [1]\nc.append(c)\n');
    expect(buildHeapGraph(store, before(store, 5)).objects).toEqual([]);
    const graph = buildHeapGraph(store, last(store));
    const c = objectOf(graph, 'c');
    expect(graph.objects).toHaveLength(1);
    expect(graph.edges.filter((e) => e.source === c.id)).toEqual([expect.objectContaining({ target: c.id })]);
  });

  it('stacks recursive frames outermost first, highlights the innermost, shows its return value', async () => {
    const store = await trace('def f(n, acc):\n    acc.append(n)\n    if n == 0:\n        return acc\n    return f(n - 1, acc)\n\nr = f(2, [])\n');
    const deepest = Array.from({ length: store.stepCount }, (_, s) => s).find(
      (s) => store.kind(s) === 'return' && store.stack(s).length === 4,
    )!;
    const graph = buildHeapGraph(store, deepest);
    expect(graph.frames.map((f) => [f.name, f.innermost])).toEqual([
      ['<module>', false], ['f', false], ['f', false], ['f', true],
    ]);
    expect(graph.frames.map((f) => f.slots.find((s) => s.label === 'n')?.value)).toEqual([
      undefined, { kind: 'inline', text: '2' }, { kind: 'inline', text: '1' }, { kind: 'inline', text: '0' },
    ]);
    const result = graph.frames[3].slots.at(-1)!;
    expect(result.label).toBe('Return value');
    const acc = graph.frames[1].slots.find((s) => s.label === 'acc')!.value;
    expect(result.value).toEqual(acc); // the same list object
    const intoAcc = graph.edges.filter((e) => e.target === `o${(acc as { objectId: number }).objectId}`);
    expect(intoAcc.map((e) => e.description.split(' →')[0])).toEqual([
      'f (call 1): acc', 'f (call 2): acc', 'f (call 3): acc', 'f (call 3): Return value',
    ]);
    // The module ending is not a return value worth a row.
    expect(buildHeapGraph(store, last(store)).frames[0].slots.map((s) => s.label)).toEqual(['f', 'r']);
  });

  it('shows an exception on each frame it propagates out of', async () => {
    const store = await trace('def f(xs):\n    return xs[5]\n\nf([1])\n', 'uncaught exception');
    const steps = Array.from({ length: store.stepCount }, (_, s) => s);
    const raised = steps.find((s) => store.kind(s) === 'exception')!;
    expect(store.kind(raised + 1)).toBe('return'); // f unwinding: the trace says "return None"
    for (const step of [raised, raised + 1]) {
      const innermost = buildHeapGraph(store, step).frames.at(-1)!;
      expect(innermost.name).toBe('f');
      expect(innermost.slots.at(-1)).toMatchObject({ label: 'Exception', result: true, value: { kind: 'inline', text: 'IndexError: list index out of range' } });
    }
    const end = buildHeapGraph(store, store.stepCount - 1).frames;
    expect(end.map((f) => f.name)).toEqual(['<module>']);
    expect(end[0].slots.at(-1)).toMatchObject({ label: 'Exception' });
  });

  it('draws the outermost and the innermost frames of a deep stack', async () => {
    const store = await trace('def down(n, path):\n    if n == 0:\n        return path\n    return down(n - 1, path + [n])\n\ndown(50, [])\n');
    const deepest = Array.from({ length: store.stepCount }, (_, s) => s).reduce((a, b) => (store.stack(b).length > store.stack(a).length ? b : a));
    const graph = buildHeapGraph(store, deepest, { maxFrames: 5 });
    expect(store.stack(deepest)).toHaveLength(52);
    expect(graph.omittedFrames).toBe(47);
    expect(graph.frames.map((f) => f.slots.find((s) => s.label === 'n')?.value)).toEqual([
      undefined, ...[3, 2, 1, 0].map((n) => ({ kind: 'inline', text: String(n) })),
    ]);
    // Only objects the drawn frames reach are drawn: the four innermost `path` lists.
    expect(graph.objects.filter((o) => o.kind === 'list')).toHaveLength(4);
    expect(buildHeapGraph(store, deepest).frames).toHaveLength(30);
  });

  it('draws at most maxObjects objects, nearest first, and shows the rest as text', async () => {
    const store = await trace('rows = [[i] for i in range(6)]\n');
    const graph = buildHeapGraph(store, last(store), { maxObjects: 3 });
    expect(graph.objects).toHaveLength(3);
    expect(graph.omittedObjects).toBe(4);
    const rows = objectOf(graph, 'rows');
    expect(rows.slots.filter((s) => s.value.kind === 'ref')).toHaveLength(2);
    expect(rows.slots[2].value).toEqual({ kind: 'inline', text: '[2]' });
  });
});
