/**
 * The shape of a trace file, version 1 (docs/trace-format.md, "The JSON trace file"), as a zod
 * schema: what `importTraceJson` accepts before it checks the references between tables.
 */
import { z } from 'zod';
import { END_REASONS, OBJECT_KINDS, OUTPUT_STREAMS, STEP_KINDS } from './types.ts';

export const TRACE_FORMAT = 'python-execution-trace';
export const TRACE_FORMAT_VERSION = 1;

const INT32_MAX = 2 ** 31 - 1;
/** A step packs `line << 2 | kind` into an int32, so lines stay below 2^29. */
const MAX_LINE = 2 ** 29 - 1;

const count = z.int().min(0).max(INT32_MAX);
const id = count;
const line = z.int().min(0).max(MAX_LINE);
/** Text that goes into the trace's string table, whose entries are NUL-separated. */
const tableText = z.string().refine((text) => !text.includes('\0'), 'must not contain NUL characters');

const programSchema = z.object({
  code: z.string(),
  call: z.string().nullable(),
  stdin: z.string(),
});

const limitsSchema = z.object({
  maxSteps: count,
  timeLimitMs: count,
  maxOutputChars: count,
  maxReprLength: count,
  maxItems: count,
});

const outcomeSchema = z.object({
  reason: z.enum(END_REASONS),
  steps: count,
  type: z.string().optional(),
  message: z.string().optional(),
  line: z.int().nullable().optional(),
  column: z.int().optional(),
  endLine: z.int().optional(),
  endColumn: z.int().optional(),
  where: z.enum(['code', 'call']).optional(),
  exitCode: z.int().optional(),
});

const timingSchema = z.object({
  durationMs: z.number().min(0).optional(),
  pythonMs: z.number().min(0).optional(),
});

/** [slot, repr text or null (unbound), object id (absent: an inline value)] */
const changeSchema = z.tuple([id, tableText.nullable(), id.optional()]);

/** A return step's value or an exception step's exception; which keys apply is checked per step. */
const resultSchema = z.object({
  return: tableText.optional(),
  object: id.optional(),
  exception: tableText.optional(),
  repr: tableText.optional(),
});

/** [kind, line, activation, changes?, result?] */
const stepSchema = z.tuple([z.enum(STEP_KINDS), line, id, z.array(changeSchema).optional(), resultSchema.optional()]);

/** A ref inside an object: a string is an inline value's repr, a number an object id. */
const refSchema = z.union([tableText, id]);

/** [step, kind, type name, repr, length, refs] */
const versionSchema = z.tuple([count, z.enum(OBJECT_KINDS), tableText, tableText, count, z.array(refSchema)]);

const streamNames = Object.values(OUTPUT_STREAMS);

const outputSchema = z.object({
  text: z.string(),
  /** [stream, length]: consecutive runs of the text, by stream */
  runs: z.array(z.tuple([z.enum(streamNames), count])),
  /** [step, length]: the output length before `step` runs, from that step on */
  marks: z.array(z.tuple([count, count])),
});

export const traceFileSchema = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_FORMAT_VERSION),
  runtime: z.string().min(1).max(100),
  python: z.string().max(100),
  program: programSchema,
  limits: limitsSchema,
  outcome: outcomeSchema,
  timing: timingSchema.optional(),
  sources: z.array(z.string()).min(1),
  /** [file, name, first line] per code object */
  codes: z.array(z.tuple([id, tableText, line])),
  /** code id per frame */
  frames: z.array(id),
  /** [frame, parent activation (-1: none), depth] per activation */
  activations: z.array(z.tuple([id, z.int().min(-1).max(INT32_MAX), count])),
  /** [frame, name, rank] per slot */
  slots: z.array(z.tuple([id, tableText, count])),
  steps: z.array(stepSchema),
  /** per object id: its versions, oldest first */
  objects: z.array(z.array(versionSchema)),
  output: outputSchema,
});

export type TraceFile = z.infer<typeof traceFileSchema>;
export type TraceFileStep = z.infer<typeof stepSchema>;
export type TraceFileChange = z.infer<typeof changeSchema>;
export type TraceFileResult = z.infer<typeof resultSchema>;
export type TraceFileVersion = z.infer<typeof versionSchema>;
export type TraceFileRef = z.infer<typeof refSchema>;

/** Names of tuple positions, by the path of the tuple with array indices written `#`. */
const TUPLE_FIELDS: Record<string, readonly string[]> = {
  'codes.#': ['file', 'name', 'first line'],
  'activations.#': ['frame', 'parent', 'depth'],
  'slots.#': ['frame', 'name', 'rank'],
  'steps.#': ['kind', 'line', 'activation', 'changes', 'result'],
  'steps.#.#.#': ['slot', 'value', 'object id'],
  'objects.#.#': ['step', 'kind', 'type', 'repr', 'length', 'refs'],
  'output.runs.#': ['stream', 'length'],
  'output.marks.#': ['step', 'length'],
};

/** A path into the file as text, e.g. `steps[12][2] (activation)`. */
export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${String(key)}` : String(key);
  const container = path.slice(0, -1).map((key) => (typeof key === 'number' ? '#' : String(key))).join('.');
  const last = path[path.length - 1];
  const field = typeof last === 'number' ? TUPLE_FIELDS[container]?.[last] : undefined;
  return field ? `${text} (${field})` : text;
}
