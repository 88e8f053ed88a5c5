/**
 * Runs layouts one at a time off the main thread and caches them by layout key. Each requester
 * has at most one waiting request: a newer one replaces it, so scrubbing through steps never
 * builds a backlog (only the step the user stopped at gets laid out).
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import { computeLayout, fallbackLayout, type DiagramLayout } from './layout.ts';

export class SupersededError extends Error {
  constructor() {
    super('a newer layout was requested');
  }
}

interface Job {
  key: string;
  graph: ElkNode;
  resolve(layout: DiagramLayout): void;
  reject(error: unknown): void;
}

const TIMEOUT_MS = 10_000;

export class LayoutQueue {
  private readonly cache = new Map<string, DiagramLayout>();
  private readonly waiting = new Map<object, Job>();
  private running: { key: string; promise: Promise<DiagramLayout> } | null = null;
  private elk: Promise<ELK> | null = null;
  /** Milliseconds each finished layout took (for benchmarks and the preview). */
  readonly timings: number[] = [];

  constructor(private readonly loadElk: () => Promise<ELK>, private readonly capacity = 300) {}

  /** Start the layout worker and lay out a tiny graph, so the first real diagram waits less. */
  warmUp(): void {
    if (this.elk) return;
    const graph: ElkNode = { id: 'warm-up', children: [{ id: 'a', width: 10, height: 10 }, { id: 'b', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['b'] }] };
    this.request(this, '\u0000warm-up', graph).catch(() => {});
  }

  /** A cached layout (and mark it recently used). */
  peek(key: string): DiagramLayout | undefined {
    const layout = this.cache.get(key);
    if (layout) {
      this.cache.delete(key);
      this.cache.set(key, layout);
    }
    return layout;
  }

  /** Lay out `graph` (whose key is `key`) for `owner`, replacing the owner's waiting request. */
  request(owner: object, key: string, graph: ElkNode): Promise<DiagramLayout> {
    const cached = this.peek(key);
    if (cached) return Promise.resolve(cached);
    if (this.running?.key === key) return this.running.promise;
    this.waiting.get(owner)?.reject(new SupersededError());
    return new Promise((resolve, reject) => {
      this.waiting.set(owner, { key, graph, resolve, reject });
      this.pump();
    });
  }

  /** Forget an owner's waiting request (the component unmounted). */
  cancel(owner: object): void {
    this.waiting.get(owner)?.reject(new SupersededError());
    this.waiting.delete(owner);
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.entries().next();
    if (next.done) return;
    const [owner, job] = next.value;
    this.waiting.delete(owner);
    const cached = this.peek(job.key);
    if (cached) {
      job.resolve(cached);
      this.pump();
      return;
    }
    const promise = this.run(job);
    this.running = { key: job.key, promise };
    promise.then(job.resolve, job.reject).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  private async run(job: Job): Promise<DiagramLayout> {
    const started = performance.now();
    let layout: DiagramLayout;
    try {
      this.elk ??= this.loadElk();
      const elk = await this.elk;
      layout = await withTimeout(computeLayout(elk, job.graph), TIMEOUT_MS);
    } catch (error) {
      console.warn('objects diagram: layout failed, using a plain column layout', error);
      layout = fallbackLayout(job.graph);
    }
    this.timings.push(performance.now() - started);
    if (this.timings.length > 1000) this.timings.splice(0, 500);
    this.cache.set(job.key, layout);
    if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
    return layout;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`layout took longer than ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
