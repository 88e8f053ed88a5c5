import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import base from '../vite.config.ts';

/** A production build of the benchmark pages (dist-bench/), with the app's own settings. */
export default mergeConfig(base, defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  base: '/', // the page lives in bench/, the runtimes at /pyodide/
  build: {
    outDir: 'dist-bench',
    rollupOptions: { input: { engine: fileURLToPath(new URL('./engine-page.html', import.meta.url)) } },
  },
}));
