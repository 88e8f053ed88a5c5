import { writtenValue, type CompareMode, type TraceFrame, type TraceLocal } from './frame.ts';
import type { FieldDifference, VariableDifference } from './diff-types.ts';
import { actionsEqual, valuesEqual } from './values.ts';

/**
 * Comparing one predicted frame with the real frame at the same position: a cheap status for every
 * frame as it streams in (no allocation on the usual path), and the detailed differences on demand.
 */

/** Same names (in any order; a repeated predicted name counts once, first wins) with equal values. */
export function localsMatch(real: readonly TraceLocal[], predicted: readonly TraceLocal[], mode: CompareMode): boolean {
  const n = real.length;
  if (predicted.length === n) {
    // The usual case: the same names in the same order. No allocation.
    let i = 0;
    for (; i < n && real[i].name === predicted[i].name; i++) {
      if (!valuesEqual(real[i].value, predicted[i].value, mode)) return false;
    }
    if (i === n) return true;
  }
  return variableDifferences(real, predicted, mode).length === 0;
}

function locationMatches(real: TraceFrame, predicted: TraceFrame, mode: CompareMode): boolean {
  let compared = false;
  if (real.action !== null && predicted.action !== null) {
    if (!actionsEqual(real.action, predicted.action, mode)) return false;
    compared = true;
  }
  if (real.line !== null && predicted.line !== null) {
    if (real.line !== predicted.line) return false;
    compared = true;
  }
  // Nothing comparable: equal only if neither side locates the frame at all.
  return compared || (real.action === null && real.line === null) === (predicted.action === null && predicted.line === null);
}

function valued(frame: TraceFrame): boolean {
  return frame.kind === 'return' || frame.kind === 'exception';
}

/** The status of a predicted frame against the real one at its position. */
export function frameStatus(real: TraceFrame, predicted: TraceFrame, mode: CompareMode): 'match' | 'mismatch' | 'malformed' {
  if (predicted.malformed !== null) return 'malformed';
  if (real.kind !== predicted.kind || !locationMatches(real, predicted, mode)) return 'mismatch';
  if (real.locals !== null && predicted.locals !== null && !localsMatch(real.locals, predicted.locals, mode)) return 'mismatch';
  if (valued(real) && !valuesEqual(real.value, predicted.value, mode)) return 'mismatch';
  return 'match';
}

/** What differs between the names and values of two frames' locals (real order, then extra names). */
export function variableDifferences(real: readonly TraceLocal[], predicted: readonly TraceLocal[], mode: CompareMode): VariableDifference[] {
  const predictedByName = new Map<string, TraceLocal>();
  for (const local of predicted) if (!predictedByName.has(local.name)) predictedByName.set(local.name, local);
  const realNames = new Set<string>();
  const out: VariableDifference[] = [];
  for (const local of real) {
    realNames.add(local.name);
    const other = predictedByName.get(local.name);
    if (other === undefined) out.push({ name: local.name, change: 'missing', real: local.value, predicted: null, unresolved: false });
    else if (!valuesEqual(local.value, other.value, mode)) {
      out.push({ name: local.name, change: 'value', real: local.value, predicted: other.value ?? writtenValue(other), unresolved: other.value === null });
    }
  }
  for (const [name, local] of predictedByName) {
    if (!realNames.has(name)) out.push({ name, change: 'extra', real: null, predicted: local.value ?? writtenValue(local), unresolved: local.value === null });
  }
  return out;
}

/** Everything that differs at one position; empty exactly when frameStatus is 'match'. */
export function frameDifferences(real: TraceFrame, predicted: TraceFrame, mode: CompareMode): FieldDifference[] {
  const out: FieldDifference[] = [];
  if (predicted.malformed !== null) out.push({ field: 'malformed', reason: predicted.malformed });
  if (real.kind !== predicted.kind) out.push({ field: 'kind', real: real.kind, predicted: predicted.kind });
  const actions = real.action !== null && predicted.action !== null;
  const lines = real.line !== null && predicted.line !== null;
  if (actions && !actionsEqual(real.action!, predicted.action!, mode)) out.push({ field: 'action', real: real.action, predicted: predicted.action });
  if (lines && real.line !== predicted.line) out.push({ field: 'line', real: real.line, predicted: predicted.line });
  if (!actions && !lines && !locationMatches(real, predicted, mode)) {
    out.push(real.action !== null || predicted.action !== null
      ? { field: 'action', real: real.action, predicted: predicted.action }
      : { field: 'line', real: real.line, predicted: predicted.line });
  }
  if (real.kind === predicted.kind && real.locals !== null && predicted.locals !== null) {
    const variables = variableDifferences(real.locals, predicted.locals, mode);
    if (variables.length) out.push({ field: 'variables', variables });
  }
  if (real.kind === predicted.kind && valued(real) && !valuesEqual(real.value, predicted.value, mode)) {
    out.push({ field: 'value', real: real.value, predicted: predicted.value });
  }
  return out;
}
