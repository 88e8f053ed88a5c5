import type { TraceStore } from '../store.ts';
import { pyJsonObject, pyJsonString } from './py-json.ts';
import { CWM, KIND_TOKENS } from './tokens.ts';

export interface EmitOptions {
  /** First step to emit (the steps before it still decide `..`). */
  from?: number;
  /** Steps to emit up to, exclusive. */
  to?: number;
  /** Append `<|end_of_text|>` (the entry scope exited). */
  complete?: boolean;
}

/** One frame of CWM text for a step; `previous` holds the locals of the frame before, if `..` may refer to them. */
function frameText(store: TraceStore, step: number, previous: Map<string, number> | null, current: Map<string, number>): string {
  const kind = store.kind(step);
  const action = store.sourceLine(step) + '\n';
  if (kind === 'return' || kind === 'exception') {
    const value = store.value(step);
    const text = kind === 'exception' ? (value?.repr ?? '') : (value?.text ?? 'None');
    return KIND_TOKENS[kind] + CWM.actionSep + action + CWM.argSep + pyJsonString(text) + CWM.frameSep;
  }
  const entries: [string, string][] = [];
  for (const [name, id] of current) {
    entries.push([name, previous !== null && previous.get(name) === id ? '..' : store.strings.get(id)]);
  }
  return KIND_TOKENS[kind] + pyJsonObject(entries) + CWM.actionSep + action + CWM.frameSep;
}

function localsAt(store: TraceStore, frame: number, step: number): Map<string, number> {
  const locals = new Map<string, number>();
  for (const slot of store.frameSlotIds(frame)) {
    const id = store.slotValueId(slot, step);
    if (id >= 0) locals.set(store.slotName(slot), id);
  }
  return locals;
}

/**
 * The trace in CWM's native text format (docs: ../shared/docs/cwm-trace-format.md): `..` for a
 * repr unchanged since the previous frame of the same frame object; every local in full after a
 * call boundary (a call frame, or any other frame in between).
 */
export function emitCwm(store: TraceStore, options: EmitOptions = {}): string {
  const from = options.from ?? 0;
  const to = Math.min(options.to ?? store.stepCount, store.stepCount);
  const parts: string[] = [];
  let previous: Map<string, number> | null = null;
  let previousFrame = -1;
  for (let step = 0; step < to; step++) {
    const kind = store.kind(step);
    const frame = store.frameId(step);
    if (frame !== previousFrame || kind === 'call') previous = null;
    const current = kind === 'call' || kind === 'line' ? localsAt(store, frame, step) : new Map<string, number>();
    if (step >= from) parts.push(frameText(store, step, previous, current));
    if (kind === 'call' || kind === 'line') previous = current;
    else if (kind === 'return') previous = null;
    previousFrame = frame;
  }
  if (options.complete && to === store.stepCount) parts.push(CWM.endOfText);
  return parts.join('');
}
