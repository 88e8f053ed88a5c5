/** The engine in a Node worker thread (CLI, tests, benchmarks): Pyodide from node_modules. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createEngineApi } from '../engine-api.ts';
import type { PyodideLike } from '../session.ts';

const HARNESS = new URL('../python/pytrace/', import.meta.url);

async function harnessFiles(): Promise<Record<string, string>> {
  const names = (await readdir(HARNESS)).filter((name) => name.endsWith('.py'));
  const entries = await Promise.all(names.map(async (name) => [name, await readFile(new URL(name, HARNESS), 'utf8')] as const));
  return Object.fromEntries(entries);
}

const api = createEngineApi(async ({ location }) => {
  const { loadPyodide } = (await import(pathToFileURL(join(location, 'pyodide.mjs')).href)) as {
    loadPyodide(options: object): Promise<PyodideLike>;
  };
  return loadPyodide({ indexURL: location.endsWith('/') ? location : location + '/', env: { PYTHONHASHSEED: '0' }, stdout: () => {}, stderr: () => {} });
}, harnessFiles);

if (!parentPort) throw new Error('worker-entry.ts runs as a worker thread');
Comlink.expose(api, nodeEndpoint(parentPort));
