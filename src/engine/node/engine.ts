/** The engine for Node (CLI, tests, benchmarks): the same client, worker API and harness as the app. */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { EngineClient, type EngineHost } from '../client.ts';
import type { EngineWorkerApi } from '../protocol.ts';
import { RUNTIMES, type RuntimeId } from '../runtimes.ts';

const require = createRequire(import.meta.url);

export function runtimeDirectory(runtime: RuntimeId): string {
  return dirname(require.resolve(`${RUNTIMES[runtime].packageName}/package.json`));
}

export const nodeHost: EngineHost = {
  spawn() {
    const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url));
    worker.unref();
    return {
      api: Comlink.wrap<EngineWorkerApi>(nodeEndpoint(worker)),
      terminate: () => void worker.terminate(),
    };
  },
  location: runtimeDirectory,
  controlBuffer: () => new SharedArrayBuffer(16 + (1 << 16)),
};

export function createNodeEngine(runtime: RuntimeId): EngineClient {
  return new EngineClient(nodeHost, runtime);
}
