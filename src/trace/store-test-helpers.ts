/** Everything a TraceStore answers, gathered so two stores can be compared (tests only). */
import { emitCwm } from './cwm/emit.ts';
import type { TraceStore } from './store.ts';

/** The answers to every query at one step. */
export function stepAnswers(store: TraceStore, step: number) {
  return {
    kind: store.kind(step),
    line: store.line(step),
    activation: store.activation(step),
    frameId: store.frameId(step),
    stack: store.stack(step),
    value: store.value(step),
    outputLength: store.outputLengthAt(step),
    sourceLine: store.sourceLine(step),
    // every frame, on the stack or not, and each slot's raw value (as text: string ids may differ)
    frames: Array.from({ length: store.frameCount }, (_, frame) => store.variables(frame, step)),
    slotValues: Array.from({ length: store.slotCount }, (_, slot) => {
      const id = store.slotValueId(slot, step);
      return id < 0 ? null : store.strings.get(id);
    }),
    nextChanges: Array.from({ length: store.slotCount }, (_, slot) => store.nextChangeOf(slot, step)),
    objects: Array.from({ length: store.objectCount }, (_, id) => store.object(id, step)),
  };
}

/** The answers to every query at every step, plus the whole-trace ones. */
export function storeAnswers(store: TraceStore) {
  return {
    stepCount: store.stepCount,
    objectCount: store.objectCount,
    output: store.output,
    outputRuns: store.outputRuns(),
    finalOutputLength: store.outputLengthAt(store.stepCount),
    sources: store.sources,
    cwm: emitCwm(store, { complete: true }),
    steps: Array.from({ length: store.stepCount }, (_, step) => stepAnswers(store, step)),
  };
}
