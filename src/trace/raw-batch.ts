/**
 * What the tracer harness hands over while a run goes on (see src/engine/python/pytrace/tracer.py
 * and docs/trace-format.md, "raw batches"). Plain typed arrays and strings, so a batch crosses the
 * worker boundary as transferable buffers.
 */
export interface RawBatch {
  /** The event log: steps, changes, activation switches, output marks, values. */
  log: Int32Array;
  /** frame id, name string id, rank — per new slot (one variable of one frame). */
  slots: Int32Array;
  /** frame id, parent activation, depth — per new activation. */
  activations: Int32Array;
  /** code id — per new frame. */
  frames: Int32Array;
  /** file id, name string id, first line — per new code object. */
  codes: Int32Array;
  /** step, object id, pool offset — per new object version. */
  versions: Int32Array;
  /** kind, type name id, repr id, length, n refs, refs… — per version. */
  pool: Int32Array;
  /** New strings, UTF-8, separated by NUL bytes. */
  strings: Uint8Array;
  /** New output text. */
  outputText: string;
  /** stream, length (UTF-16 units) — per chunk of outputText. */
  outputStreams: Int32Array;
}

/** Log record markers (mirrors tracer.py). */
export const LOG_ACTIVATION = -1;
export const LOG_OUTPUT = -2;
export const LOG_VALUE = -3;
export const LOG_OBJECT = -4;
export const LOG_CHANGE_BASE = -16;
export const VALUE_RETURN = 0;
export const VALUE_EXCEPTION = 1;

export const RAW_ARRAY_NAMES = ['log', 'slots', 'activations', 'frames', 'codes', 'versions', 'pool'] as const;

export function emptyBatch(): RawBatch {
  const none = () => new Int32Array(0);
  return {
    log: none(), slots: none(), activations: none(), frames: none(), codes: none(),
    versions: none(), pool: none(), strings: new Uint8Array(0), outputText: '', outputStreams: none(),
  };
}

/** The buffers of a batch, for postMessage's transfer list. */
export function batchBuffers(batch: RawBatch): ArrayBuffer[] {
  const views = [...RAW_ARRAY_NAMES.map((name) => batch[name]), batch.strings, batch.outputStreams];
  return views.map((view) => view.buffer as ArrayBuffer);
}
