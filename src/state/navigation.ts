/**
 * Where the debugger-style moves go, as pure functions of a trace and a step. Moves that skip
 * over calls scan activation runs (stretches of steps in one frame activation), not steps.
 */
import type { TraceStore } from '../trace/store.ts';
import { FILE_CODE } from '../trace/types.ts';

/** First step of the first run after `run` whose activation satisfies `accept`, or -1. */
function nextRunWhere(store: TraceStore, run: number, accept: (activation: number) => boolean): number {
  for (let r = run + 1; r < store.runCount; r++) {
    if (accept(store.runActivation(r))) return store.runStart(r);
  }
  return -1;
}

/** Last step of the last run before `run` whose activation satisfies `accept`, or -1. */
function previousRunWhere(store: TraceStore, run: number, accept: (activation: number) => boolean): number {
  for (let r = run - 1; r >= 0; r--) {
    if (accept(store.runActivation(r))) return store.runStart(r + 1) - 1;
  }
  return -1;
}

function clamp(store: TraceStore, step: number): number {
  return Math.max(0, Math.min(store.stepCount - 1, step));
}

/** Next step in the same frame activation or a caller: calls made from this step are skipped. */
export function stepOver(store: TraceStore, step: number): number {
  if (step + 1 >= store.stepCount) return clamp(store, step);
  const activation = store.activation(step);
  if (store.activation(step + 1) === activation || store.kind(step) === 'return') return step + 1;
  const depth = store.depth(activation);
  const target = nextRunWhere(store, store.runIndexAt(step), (a) => a === activation || store.depth(a) < depth);
  return target < 0 ? store.stepCount - 1 : target;
}

/** Previous step in the same activation or a caller (calls made before are skipped). */
export function stepBackOver(store: TraceStore, step: number): number {
  if (step <= 0) return 0;
  const activation = store.activation(step);
  if (store.activation(step - 1) === activation || store.kind(step) === 'call') return step - 1;
  const depth = store.depth(activation);
  const target = previousRunWhere(store, store.runIndexAt(step), (a) => a === activation || store.depth(a) < depth);
  return target < 0 ? 0 : target;
}

/** The first step after the current activation is left for its caller. */
export function stepOut(store: TraceStore, step: number): number {
  const depth = store.depth(store.activation(step));
  const target = nextRunWhere(store, store.runIndexAt(step), (a) => store.depth(a) < depth);
  return target < 0 ? store.stepCount - 1 : target;
}

function isBreakpointStep(store: TraceStore, step: number, lines: ReadonlySet<number>): boolean {
  const kind = store.kind(step);
  return (kind === 'line' || kind === 'call') && store.frameFile(store.frameId(step)) === FILE_CODE && lines.has(store.line(step));
}

/** Continue: the next step on a breakpoint line, or the last step when none is hit. */
export function nextBreakpoint(store: TraceStore, step: number, lines: ReadonlySet<number>): number {
  if (lines.size === 0) return store.stepCount - 1;
  for (let s = step + 1; s < store.stepCount; s++) if (isBreakpointStep(store, s, lines)) return s;
  return store.stepCount - 1;
}

/** Back to the previous step on a breakpoint line, or the first step. */
export function previousBreakpoint(store: TraceStore, step: number, lines: ReadonlySet<number>): number {
  if (lines.size === 0) return 0;
  for (let s = step - 1; s >= 0; s--) if (isBreakpointStep(store, s, lines)) return s;
  return 0;
}
