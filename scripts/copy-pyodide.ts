// Copies both Pyodide runtimes out of node_modules into public/pyodide/<id>/ so the app serves
// them from its own origin (never a CDN). Vite calls copyRuntimes() before every dev server and
// build (vite.config.ts); `tsx scripts/copy-pyodide.ts` does it by hand. The copies are gitignored.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeDirectory } from '../src/engine/node/engine.ts';
import { RUNTIME_IDS, RUNTIMES } from '../src/engine/runtimes.ts';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

export function copyRuntimes(root: string = ROOT): void {
  for (const id of RUNTIME_IDS) {
    const from = runtimeDirectory(id);
    const to = join(root, 'public', 'pyodide', id);
    mkdirSync(to, { recursive: true });
    for (const file of RUNTIMES[id].files) {
      const source = join(from, file);
      const target = join(to, file);
      const fresh = existsSync(target) && statSync(target).size === statSync(source).size && statSync(target).mtimeMs >= statSync(source).mtimeMs;
      if (!fresh) copyFileSync(source, target);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) copyRuntimes();
