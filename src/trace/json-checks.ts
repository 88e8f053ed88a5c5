/**
 * The checks a trace file must pass beyond its shape: every reference points at something that
 * exists, activations form a tree, and the records are ordered the way the store's binary searches
 * need. A file that passes can be queried at every step without anything failing later.
 */
import type { TraceFile, TraceFileStep } from './json-schema.ts';

/** Deeper than any traced program gets (the sandbox caps recursion at 3,000 frames). */
export const MAX_DEPTH = 10_000;
/**
 * The store keeps each frame's slots sorted by rank by insertion; slots that arrive out of rank
 * order cost a shift each. Real traces need few (3.13+ functions binding names out of layout
 * order); a file needing more than this would freeze the import.
 */
export const MAX_RANK_SHIFTS = 1_000_000;

export interface FileProblem {
  path: PropertyKey[];
  message: string;
}

type Path = PropertyKey[];

class Problem extends Error {
  constructor(readonly path: Path, message: string) {
    super(message);
  }
}

function ensure(condition: boolean, path: Path, message: () => string): void {
  if (!condition) throw new Problem(path, message());
}

function ensureIndex(index: number, size: number, path: Path, what: string): void {
  ensure(index < size, path, () => `refers to ${what} ${index}, but there ${countOf(size, what)}`);
}

function countOf(size: number, what: string): string {
  return size === 1 ? `is 1 ${what}` : `are ${size} ${what}s`;
}

/** The first problem found, or null when the file is consistent. */
export function findProblem(file: TraceFile): FileProblem | null {
  try {
    checkTables(file);
    checkSlotOrder(file);
    checkSteps(file);
    checkObjects(file);
    checkOutputMarks(file);
    return null;
  } catch (error) {
    if (error instanceof Problem) return { path: error.path, message: error.message };
    throw error;
  }
}

function checkTables(file: TraceFile): void {
  file.codes.forEach(([source], i) => ensureIndex(source, file.sources.length, ['codes', i, 0], 'source'));
  file.frames.forEach((code, i) => ensureIndex(code, file.codes.length, ['frames', i], 'code'));
  file.activations.forEach(([frame, parent, depth], i) => {
    ensureIndex(frame, file.frames.length, ['activations', i, 0], 'frame');
    ensure(parent < i, ['activations', i, 1],
      () => `the parent of activation ${i} must be an earlier activation (or -1), not ${parent}`);
    const expected = parent < 0 ? 0 : file.activations[parent][2] + 1;
    ensure(depth === expected, ['activations', i, 2], () => `depth ${depth} does not match the parent's (expected ${expected})`);
    ensure(depth <= MAX_DEPTH, ['activations', i, 2], () => `depth ${depth} is deeper than any trace can be (at most ${MAX_DEPTH})`);
  });
  file.slots.forEach(([frame], i) => ensureIndex(frame, file.frames.length, ['slots', i, 0], 'frame'));
}

/** Replays the store's sorted insertion of slots, within a budget of shifts. */
function checkSlotOrder(file: TraceFile): void {
  const ranksByFrame: number[][] = [];
  let shifts = 0;
  file.slots.forEach(([frame, , rank], i) => {
    const ranks = (ranksByFrame[frame] ??= []);
    let at = ranks.length;
    for (; at > 0 && ranks[at - 1] > rank; at--) {
      ensure(++shifts <= MAX_RANK_SHIFTS, ['slots', i, 2],
        () => `too many slots arrive out of rank order (more than ${MAX_RANK_SHIFTS} shifts)`);
    }
    ranks.splice(at, 0, rank);
  });
}

function checkSteps(file: TraceFile): void {
  const { steps } = file;
  ensure(file.outcome.steps === steps.length, ['outcome', 'steps'],
    () => `is ${file.outcome.steps}, but the file has ${steps.length} steps`);
  let activationsSeen = 0;
  steps.forEach((step, i) => {
    const [kind, , activation] = step;
    ensureIndex(activation, file.activations.length, ['steps', i, 2], 'activation');
    ensure(activation <= activationsSeen, ['steps', i, 2],
      () => `activation ${activation} appears before activation ${activationsSeen} (they are numbered in order of appearance)`);
    if (activation === activationsSeen) {
      ensure(kind === 'call', ['steps', i, 0], () => `step ${i} starts activation ${activation}, so it must be a call step, not ${kind}`);
      activationsSeen++;
    }
    checkChanges(file, step, i);
    checkResult(file, step, i);
  });
}

function checkChanges(file: TraceFile, step: TraceFileStep, i: number): void {
  (step[3] ?? []).forEach(([slot, value, objectId], k) => {
    const path = ['steps', i, 3, k];
    ensureIndex(slot, file.slots.length, [...path, 0], 'slot');
    if (objectId === undefined) return;
    ensure(value !== null, [...path, 1], () => 'an unbound variable (null) cannot refer to an object');
    ensureIndex(objectId, file.objects.length, [...path, 2], 'object');
  });
}

function checkResult(file: TraceFile, step: TraceFileStep, i: number): void {
  const [kind, , , , result] = step;
  if (result === undefined) return;
  const path = ['steps', i, 4];
  const has = (key: keyof typeof result) => result[key] !== undefined;
  if (kind === 'return') {
    ensure(has('return') && !has('exception') && !has('repr'), path,
      () => 'a return step\'s result holds "return" (the repr text) and optionally "object"');
    if (result.object !== undefined) ensureIndex(result.object, file.objects.length, [...path, 'object'], 'object');
  } else if (kind === 'exception') {
    ensure(has('exception') && has('repr') && !has('return') && !has('object'), path,
      () => 'an exception step\'s result holds "exception" (type: message) and "repr"');
  } else {
    ensure(false, path, () => `a ${kind} step has no result (only return and exception steps do)`);
  }
}

function checkObjects(file: TraceFile): void {
  file.objects.forEach((versions, id) => {
    let previousStep = 0;
    versions.forEach(([step, , , , , refs], v) => {
      const path = ['objects', id, v];
      ensureIndex(step, file.steps.length, [...path, 0], 'step');
      ensure(step >= previousStep, [...path, 0], () => `versions must be in step order (step ${step} follows step ${previousStep})`);
      previousStep = step;
      refs.forEach((ref, r) => {
        if (typeof ref === 'number') ensureIndex(ref, file.objects.length, [...path, 5, r], 'object');
      });
    });
  });
}

function checkOutputMarks(file: TraceFile): void {
  const stepCount = file.steps.length;
  let previousStep = 0;
  file.output.marks.forEach(([step], i) => {
    const path = ['output', 'marks', i, 0];
    ensure(step <= stepCount, path, () => `step ${step} is past the end of the trace (${stepCount} steps)`);
    ensure(step >= previousStep, path, () => `marks must be in step order (step ${step} follows step ${previousStep})`);
    previousStep = step;
  });
}
