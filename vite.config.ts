import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { copyRuntimes } from './scripts/copy-pyodide.ts';

// Cross-origin isolation: SharedArrayBuffer for Stop (interrupt) and interactive input().
// Every response needs both headers, the worker script included.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The Pyodide runtimes are served from the app's own origin: copy them in before any build or dev server. */
function pyodideRuntimes(): Plugin {
  return { name: 'pyodide-runtimes', config: () => copyRuntimes() };
}

export default defineConfig({
  base: './',
  plugins: [react(), pyodideRuntimes()],
  server: { headers: isolation },
  preview: { headers: isolation },
  optimizeDeps: { exclude: ['pyodide-311', 'pyodide-314'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
