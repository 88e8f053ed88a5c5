import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { LayoutQueue, SupersededError } from './layout-queue.ts';

/** An ELK stand-in whose layouts finish when the test says so. */
function fakeElk() {
  const pending: { graph: ElkNode; finish(): void; fail(error: Error): void }[] = [];
  const elk = {
    layout: (graph: ElkNode) => new Promise((resolve, reject) => {
      pending.push({ graph, finish: () => resolve({ ...graph, width: 100, height: 50, children: [], edges: [] }), fail: reject });
    }),
  } as unknown as ELK;
  return { elk, pending };
}

const graph = (id: string): ElkNode => ({ id, children: [], edges: [] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LayoutQueue', () => {
  it('runs one layout at a time, keeps only the newest waiting request, and caches by key', async () => {
    const { elk, pending } = fakeElk();
    const queue = new LayoutQueue(async () => elk);
    const owner = {};
    const first = queue.request(owner, 'k1', graph('g1'));
    await settle();
    const second = queue.request(owner, 'k2', graph('g2'));
    const third = queue.request(owner, 'k3', graph('g3'));
    await expect(second).rejects.toBeInstanceOf(SupersededError);
    expect(pending.map((p) => p.graph.id)).toEqual(['g1']);
    pending[0].finish();
    await expect(first).resolves.toMatchObject({ width: 100 });
    await settle();
    expect(pending.map((p) => p.graph.id)).toEqual(['g1', 'g3']); // g2 was never laid out
    pending[1].finish();
    const layout = await third;
    expect(queue.peek('k3')).toBe(layout);
    expect(queue.peek('k1')).toBeDefined();
    expect(queue.peek('k2')).toBeUndefined();
    // Asking again for a cached key answers at once, without a layout.
    await expect(queue.request(owner, 'k1', graph('g1'))).resolves.toBe(queue.peek('k1'));
    expect(pending).toHaveLength(2);
  });

  it('forgets the least recently used layouts beyond its capacity', async () => {
    const { elk, pending } = fakeElk();
    const queue = new LayoutQueue(async () => elk, 2);
    for (const key of ['a', 'b', 'c']) {
      const done = queue.request({}, key, graph(key));
      await settle();
      pending.at(-1)!.finish();
      await done;
      if (key === 'b') queue.peek('a'); // a is now more recent than b
    }
    expect([queue.peek('a'), queue.peek('b'), queue.peek('c')].map(Boolean)).toEqual([true, false, true]);
  });

  it('falls back to a plain layout when ELK fails', async () => {
    const { elk, pending } = fakeElk();
    const queue = new LayoutQueue(async () => elk);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const done = queue.request({}, 'k', { id: 'root', children: [{ id: 'frames', width: 100, height: 40 }, { id: 'o1', width: 50, height: 30 }], edges: [] });
      await settle();
      pending[0].fail(new Error('boom'));
      const layout = await done;
      expect([...layout.nodes.keys()]).toEqual(['frames', 'o1']);
    } finally {
      console.warn = warn;
    }
  });
});
