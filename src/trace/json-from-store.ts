/** A TraceStore (with its run's metadata) as a trace file object, version 1. */
import type { PortableTrace } from './json-format.ts';
import {
  TRACE_FORMAT, TRACE_FORMAT_VERSION, type TraceFile, type TraceFileChange, type TraceFileResult, type TraceFileStep,
  type TraceFileVersion,
} from './json-schema.ts';
import type { TraceStore } from './store.ts';
import type { Limits, Outcome } from './types.ts';

export function traceFileFromStore(trace: PortableTrace): TraceFile {
  const { store } = trace;
  const file: TraceFile = {
    format: TRACE_FORMAT,
    version: TRACE_FORMAT_VERSION,
    runtime: trace.runtime,
    python: trace.pythonVersion,
    program: { code: trace.program.code, call: trace.program.call, stdin: trace.program.stdin },
    limits: orderedLimits(trace.limits),
    outcome: orderedOutcome({ ...trace.outcome, steps: store.stepCount }),
    sources: [...store.sources],
    codes: range(store.codeCount).map((code) => {
      const { file, name, firstLine } = store.code(code);
      return [file, name, firstLine];
    }),
    frames: range(store.frameCount).map((frame) => store.codeOfFrame(frame)),
    activations: range(store.activationCount).map((a) => [store.frameOfActivation(a), store.parentActivation(a), store.depth(a)]),
    slots: range(store.slotCount).map((slot) => [store.slotFrame(slot), store.slotName(slot), store.slotRank(slot)]),
    steps: range(store.stepCount).map((step) => stepRecord(store, step)),
    objects: range(store.objectCount).map((id) => store.objectHistory(id).map(versionRecord)),
    output: {
      text: store.output,
      runs: store.outputRuns().map(({ stream, start, end }) => [stream, end - start]),
      marks: outputMarks(store),
    },
  };
  if (trace.timing) {
    const { durationMs, pythonMs } = trace.timing;
    file.timing = withoutUndefined({ durationMs, pythonMs });
  }
  return file;
}

function stepRecord(store: TraceStore, step: number): TraceFileStep {
  const kind = store.kind(step);
  const line = store.line(step);
  const activation = store.activation(step);
  const changes = store.changesAt(step).map(({ slot, valueId, objectId }): TraceFileChange => {
    if (valueId < 0) return [slot, null];
    const text = store.strings.get(valueId);
    return objectId < 0 ? [slot, text] : [slot, text, objectId];
  });
  const result = resultRecord(store, step);
  if (result) return [kind, line, activation, changes, result];
  return changes.length ? [kind, line, activation, changes] : [kind, line, activation];
}

function resultRecord(store: TraceStore, step: number): TraceFileResult | null {
  const value = store.value(step);
  if (!value) return null;
  if (value.repr !== undefined) return { exception: value.text, repr: value.repr };
  return value.objectId >= 0 ? { return: value.text, object: value.objectId } : { return: value.text };
}

function versionRecord(version: ReturnType<TraceStore['objectHistory']>[number]): TraceFileVersion {
  const refs = version.refs.map((ref) => ('inline' in ref ? ref.inline : ref.objectId));
  return [version.since, version.kind, version.typeName, version.repr, version.length, refs];
}

/** [step, length] wherever the output length before a step differs from the step before's. */
function outputMarks(store: TraceStore): [number, number][] {
  const marks: [number, number][] = [];
  let length = 0;
  for (let step = 0; step <= store.stepCount; step++) {
    const at = store.outputLengthAt(step);
    if (at !== length) marks.push([step, at]);
    length = at;
  }
  return marks;
}

function orderedLimits(limits: Limits): Limits {
  const { maxSteps, timeLimitMs, maxOutputChars, maxReprLength, maxItems } = limits;
  return { maxSteps, timeLimitMs, maxOutputChars, maxReprLength, maxItems };
}

/** The outcome's fields in a fixed order, so the same run always exports the same text. */
function orderedOutcome(outcome: Outcome): Outcome {
  const { reason, steps, type, message, line, column, endLine, endColumn, where, exitCode } = outcome;
  return withoutUndefined({ reason, steps, type, message, line, column, endLine, endColumn, where, exitCode });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
