import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Cross-origin isolation: SharedArrayBuffer for Stop (interrupt) and interactive input().
// Every response needs both headers, the worker script included.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  optimizeDeps: { exclude: ['pyodide-311', 'pyodide-314'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
