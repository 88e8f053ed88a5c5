/** The trace model shared by every layer (see ../../docs/trace-format.md and DESIGN "Trace semantics"). */

export const STEP_KINDS = ['call', 'line', 'return', 'exception'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Why a run ended. Everything but `completed` and `exited` ended it early. */
export const END_REASONS = [
  'completed',
  'exited',
  'uncaught exception',
  'syntax error',
  'step limit',
  'output limit',
  'time limit',
  'stopped',
  'crashed',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export interface Outcome {
  reason: EndReason;
  steps: number;
  /** Exception or syntax error class name, e.g. `ZeroDivisionError`. */
  type?: string;
  message?: string;
  /** 1-based line in the code (null when the error is outside it). */
  line?: number | null;
  /** 1-based column of a syntax error. */
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Where a syntax error is: the program or the call expression. */
  where?: 'code' | 'call';
  exitCode?: number;
}

export interface Limits {
  maxSteps: number;
  timeLimitMs: number;
  maxOutputChars: number;
  /** Longest repr text kept for one value; longer text is cut with `…`. */
  maxReprLength: number;
  /** Most items of one container walked for the object graph and repr. */
  maxItems: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSteps: 100_000,
  timeLimitMs: 30_000,
  maxOutputChars: 1_000_000,
  maxReprLength: 1_000,
  maxItems: 100,
};

/** File ids in a trace: the user's program and the `main()` wrapper of a call entry. */
export const FILE_CODE = 0;
export const FILE_ENTRY = 1;

export const OUTPUT_STREAMS = { 1: 'stdout', 2: 'stderr', 3: 'stdin' } as const;
export type OutputStream = (typeof OUTPUT_STREAMS)[keyof typeof OUTPUT_STREAMS];

export interface Variable {
  /** The variable's slot: one name in one frame, stable over the whole trace. */
  slot: number;
  name: string;
  /** repr text (for objects, as of the step asked about). */
  value: string;
  /** Canonical object id, or -1 for a value drawn inline (numbers, strings, None, …). */
  objectId: number;
  /** Bound or rebound at this step (for the innermost frame), or its object changed. */
  changed: boolean;
}

export interface FrameView {
  activation: number;
  frameId: number;
  name: string;
  file: number;
  line: number;
  depth: number;
  variables: Variable[];
}

export interface StepValue {
  /** repr text of a return value, or `Type: message` of an exception. */
  text: string;
  /** repr text of the exception object (exceptions only). */
  repr?: string;
  objectId: number;
}

export const OBJECT_KINDS = ['list', 'tuple', 'dict', 'set', 'frozenset', 'instance', 'function', 'class', 'other'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/** A reference from a variable or container: an object id, or an inline value's repr. */
export type Ref = { objectId: number } | { inline: string };

export interface HeapObject {
  id: number;
  kind: ObjectKind;
  typeName: string;
  repr: string;
  /** Number of items (containers) or attributes (instances); may exceed what was walked. */
  length: number;
  /** Items (list, tuple, set), or key, value, key, value… (dict), or name, value… (instance). */
  refs: Ref[];
  /** The step at which this version was recorded. */
  since: number;
}
