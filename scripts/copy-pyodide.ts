// Copies both Pyodide runtimes out of node_modules into public/pyodide/<id>/ so the app serves
// them from its own origin (never a CDN). Runs before dev, build and preview; the copies are gitignored.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeDirectory } from '../src/engine/node/engine.ts';
import { RUNTIME_IDS, RUNTIMES } from '../src/engine/runtimes.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

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
