/**
 * The ELK instance of the app: its layout code runs in a Web Worker so laying out never blocks
 * the main thread. Without Worker support it falls back to ELK on the main thread.
 */
import type { ELK } from 'elkjs/lib/elk-api.js';
import ElkApi from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

export async function loadWorkerElk(): Promise<ELK> {
  if (typeof Worker === 'undefined') return loadMainThreadElk();
  return new ElkApi({ workerFactory: () => new Worker(elkWorkerUrl, { name: 'elk-layout' }) });
}

export async function loadMainThreadElk(): Promise<ELK> {
  const { default: ElkBundled } = await import('elkjs/lib/elk.bundled.js');
  return new ElkBundled();
}
