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
const WORKER_STACK_MB = 32;

export function runtimeDirectory(runtime: RuntimeId): string {
  return dirname(require.resolve(`${RUNTIMES[runtime].packageName}/package.json`));
}

export const nodeHost: EngineHost = {
  spawn() {
    // Recursion through C (callbacks, dunders, __repr__) needs ~4 KB of native stack per level;
    // a worker's default 4 MB overflows below Python's default limit of 1,000 (fatal to the
    // runtime). 32 MB covers the harness's recursion clamp (see sandbox.py) with room to spare.
    const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), { resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
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
