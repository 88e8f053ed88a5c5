/** The Python runtimes the playground offers; both are self-hosted Pyodide builds. */
export const RUNTIME_IDS = ['3.11', '3.14'] as const;
export type RuntimeId = (typeof RUNTIME_IDS)[number];

export interface RuntimeInfo {
  id: RuntimeId;
  label: string;
  /** npm package (an alias) the runtime files come from. */
  packageName: string;
  pyodideVersion: string;
  /** Files copied to `public/pyodide/<id>/` and loaded from there. */
  files: readonly string[];
  note: string;
}

export const RUNTIMES: Record<RuntimeId, RuntimeInfo> = {
  '3.11': {
    id: '3.11',
    label: 'Python 3.11',
    packageName: 'pyodide-311',
    pyodideVersion: '0.25.1',
    files: ['pyodide.mjs', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
    note: 'CPython 3.11.3 — the semantics CWM was trained on (comprehensions run in their own frames)',
  },
  '3.14': {
    id: '3.14',
    label: 'Python 3.14',
    packageName: 'pyodide-314',
    pyodideVersion: '314.0.7',
    files: ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
    note: 'CPython 3.14 — current Python (comprehensions are inlined, PEP 709)',
  },
};

export const DEFAULT_RUNTIME: RuntimeId = '3.11';

export function isRuntimeId(value: unknown): value is RuntimeId {
  return typeof value === 'string' && (RUNTIME_IDS as readonly string[]).includes(value);
}

/** Where the browser loads a runtime from, relative to the app's base URL. */
export function runtimeUrlPath(id: RuntimeId): string {
  return `pyodide/${id}/`;
}
