/**
 * What settrace costs before our tracer does anything: the 1,000,000-step loop of bench:engine in
 * plain Pyodide (Node, in-process), untraced, with an empty trace function, touching f_locals, and
 * with the naive tracer that stores {name: repr(value)} for every step.
 */
import { runtimeDirectory } from '../src/engine/node/engine.ts';
import type { RuntimeId } from '../src/engine/runtimes.ts';

const SCRIPT = `
import sys, time
code = compile("total = 0\\nfor i in range(499999):\\n    total += i\\n", "main.py", "exec")
def timed(hook):
    sys.settrace(hook)
    started = time.perf_counter()
    exec(code, {"__name__": "__main__"})
    sys.settrace(None)
    return (time.perf_counter() - started) * 1000
def empty(frame, event, arg):
    return empty
def touch_locals(frame, event, arg):
    frame.f_locals
    return touch_locals
snapshots = []
def naive(frame, event, arg):
    snapshots.append((event, frame.f_lineno, {k: repr(v) for k, v in frame.f_locals.items() if k[:2] != "__"}))
    return naive
results = {"untraced": timed(None), "empty trace function": timed(empty), "trace function reading f_locals": timed(touch_locals),
           "naive tracer: {name: repr(value)} per step": timed(naive)}
del snapshots[:]
results
`;

export async function tracerBaselines(runtime: RuntimeId): Promise<Record<string, number>> {
  const location = runtimeDirectory(runtime) + '/';
  const { loadPyodide } = (await import(location + 'pyodide.mjs')) as { loadPyodide(options: object): Promise<{ runPython(code: string): { toJs(options: object): Map<string, number> } }> };
  const pyodide = await loadPyodide({ indexURL: location, stdout: () => {}, stderr: () => {} });
  return Object.fromEntries(pyodide.runPython(SCRIPT).toJs({ dict_converter: (entries: [string, number][]) => new Map(entries) }));
}
