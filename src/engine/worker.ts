/** The engine in a browser module worker: Pyodide loaded from the app's own origin. */
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api.ts';
import type { PyodideLike } from './session.ts';

const sources = import.meta.glob('./python/pytrace/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const harness = Object.fromEntries(Object.entries(sources).map(([path, source]) => [path.slice(path.lastIndexOf('/') + 1), source]));

const api = createEngineApi(async ({ location }) => {
  const { loadPyodide } = (await import(/* @vite-ignore */ `${location}pyodide.mjs`)) as {
    loadPyodide(options: object): Promise<PyodideLike>;
  };
  return loadPyodide({ indexURL: location, env: { PYTHONHASHSEED: '0' }, stdout: () => {}, stderr: () => {} });
}, async () => harness);

Comlink.expose(api);
