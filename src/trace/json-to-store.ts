/**
 * A checked trace file back into a TraceStore, through the same door the engine uses: the file is
 * re-encoded as one raw batch (the tracer's log and tables, docs/trace-format.md) and appended.
 */
import { GrowableInt32 } from './growable.ts';
import type { TraceFile, TraceFileStep } from './json-schema.ts';
import {
  LOG_ACTIVATION, LOG_CHANGE_BASE, LOG_OBJECT, LOG_OUTPUT, LOG_VALUE, VALUE_EXCEPTION, VALUE_RETURN, type RawBatch,
} from './raw-batch.ts';
import { TraceStore } from './store.ts';
import { OBJECT_KINDS, OUTPUT_STREAMS, STEP_KINDS, type ObjectKind, type OutputStream, type StepKind } from './types.ts';

/** Interns text as the tracer does: one id per distinct string, id 0 the empty string. */
class StringIds {
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly texts: string[] = [''];

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /** The strings as a batch carries them: UTF-8, each ended by NUL. */
  encode(): Uint8Array {
    return new TextEncoder().encode(this.texts.join('\0') + '\0');
  }
}

const STEP_KIND_CODES = new Map<StepKind, number>(STEP_KINDS.map((kind, code) => [kind, code]));
const OBJECT_KIND_CODES = new Map<ObjectKind, number>(OBJECT_KINDS.map((kind, code) => [kind, code]));
const STREAM_CODES = new Map<OutputStream, number>(
  Object.entries(OUTPUT_STREAMS).map(([code, stream]) => [stream, Number(code)]),
);

/** The store a (checked) file describes. */
export function storeFromTraceFile(file: TraceFile): TraceStore {
  const store = new TraceStore([...file.sources]);
  store.append(batchFromTraceFile(file));
  store.seal();
  return store;
}

export function batchFromTraceFile(file: TraceFile): RawBatch {
  const strings = new StringIds();
  const slots = Int32Array.from(file.slots.flatMap(([frame, name, rank]) => [frame, strings.id(name), rank]));
  const codes = Int32Array.from(file.codes.flatMap(([fileId, name, firstLine]) => [fileId, strings.id(name), firstLine]));
  const { versions, pool } = encodeObjects(file, strings);
  const log = encodeLog(file, strings);
  return {
    log,
    slots,
    activations: Int32Array.from(file.activations.flat()),
    frames: Int32Array.from(file.frames),
    codes,
    versions,
    pool,
    strings: strings.encode(),
    outputText: file.output.text,
    outputStreams: Int32Array.from(file.output.runs.flatMap(([stream, length]) => [STREAM_CODES.get(stream)!, length])),
  };
}

function encodeObjects(file: TraceFile, strings: StringIds): { versions: Int32Array; pool: Int32Array } {
  const versions = new GrowableInt32();
  const pool = new GrowableInt32();
  file.objects.forEach((history, objectId) => {
    for (const [step, kind, typeName, repr, length, refs] of history) {
      versions.pushAll([step, objectId, pool.length]);
      pool.pushAll([OBJECT_KIND_CODES.get(kind)!, strings.id(typeName), strings.id(repr), length, refs.length]);
      for (const ref of refs) pool.push(typeof ref === 'number' ? ref : -strings.id(ref) - 1);
    }
  });
  return { versions: versions.view(), pool: pool.view() };
}

/** The event log: output marks, activation switches, steps, their changes and values, in order. */
function encodeLog(file: TraceFile, strings: StringIds): Int32Array {
  const log = new GrowableInt32(Math.max(16, file.steps.length * 2));
  const marks = file.output.marks;
  let mark = 0;
  let previousActivation = -1;
  file.steps.forEach((step, i) => {
    for (; mark < marks.length && marks[mark][0] <= i; mark++) log.pushAll([LOG_OUTPUT, marks[mark][1]]);
    const [kind, line, activation] = step;
    if (activation !== previousActivation || kind === 'call') log.pushAll([LOG_ACTIVATION, activation]);
    previousActivation = activation;
    log.push((line << 2) | STEP_KIND_CODES.get(kind)!);
    encodeChanges(log, step, strings);
    encodeResult(log, step, strings);
  });
  for (; mark < marks.length; mark++) log.pushAll([LOG_OUTPUT, marks[mark][1]]);
  return log.view();
}

function encodeChanges(log: GrowableInt32, step: TraceFileStep, strings: StringIds): void {
  for (const [slot, value, objectId] of step[3] ?? []) {
    if (value === null) log.pushAll([LOG_CHANGE_BASE - slot, -1]);
    else if (objectId === undefined) log.pushAll([LOG_CHANGE_BASE - slot, strings.id(value)]);
    else log.pushAll([LOG_OBJECT, slot, strings.id(value), objectId]);
  }
}

function encodeResult(log: GrowableInt32, step: TraceFileStep, strings: StringIds): void {
  const result = step[4];
  if (result?.return !== undefined) {
    const text = strings.id(result.return);
    log.pushAll([LOG_VALUE, VALUE_RETURN, text, result.object ?? -text - 1]);
  } else if (result?.exception !== undefined) {
    log.pushAll([LOG_VALUE, VALUE_EXCEPTION, strings.id(result.exception), strings.id(result.repr ?? '')]);
  }
}
