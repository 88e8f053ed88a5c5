/** The engine for the app: a module Web Worker, runtimes served from the app's origin. */
import * as Comlink from 'comlink';
import { EngineClient, type EngineHost } from './client.ts';
import { createControlBuffer } from './control.ts';
import type { EngineWorkerApi } from './protocol.ts';
import { runtimeUrlPath, type RuntimeId } from './runtimes.ts';

export const browserHost: EngineHost = {
  spawn() {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python-engine' });
    return { api: Comlink.wrap<EngineWorkerApi>(worker), terminate: () => worker.terminate() };
  },
  location: (runtime) => new URL(runtimeUrlPath(runtime), new URL(import.meta.env.BASE_URL, location.href)).href,
  controlBuffer: createControlBuffer,
};

export function createBrowserEngine(runtime: RuntimeId): EngineClient {
  return new EngineClient(browserHost, runtime);
}
