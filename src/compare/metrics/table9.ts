import { hasLocals, writtenValue, type CompareMode, type TraceFrame, type TraceLocal } from '../frame.ts';
import { valuesEqual } from '../values.ts';

/**
 * The CWM report's Table 9 components for one trace, with the per-item semantics of the public
 * reproduction (ASSERT-KTH/cwm, evals/trace_analysis/metrics.py, `compute_trace_metrics`); the
 * formulas and the differences are in docs/metrics.md. `real` and `predicted` are aligned by
 * position (the seeded main() call frame already left out of `real`).
 */

export interface Table9Metrics {
  /** 1 when the whole prediction is well-formed (see traceWellFormed), else 0. */
  valid_trace_format: number;
  /** Fraction of real call/line frames whose locals the prediction has exactly. null: no such frames. */
  state_exact_match: number | null;
  /** Fraction of real frames whose source line the prediction has. null: no real frames. */
  action_exact_match: number | null;
  /** Fraction of real call/line frames where the prediction has a call/line frame with readable locals. */
  valid_json_format: number | null;
  /** Mean over real call/line frames of the Jaccard index of the variable names (0 without readable locals). */
  key_match: number | null;
  /** Mean over real call/line frames of the Jaccard index of the (name, value) pairs. */
  key_value_match: number | null;
}

/** written: the `..`-compressed locals, as the reproduction compares them; resolved: `..` expanded. */
export type LocalsView = 'written' | 'resolved';

export interface Table9Options {
  locals?: LocalsView;
  /** Value comparison; the reproduction's is strict. */
  mode?: CompareMode;
  /** Overrides traceWellFormed(predicted), e.g. with a parser's own verdict. */
  wellFormed?: boolean;
}

/** The reproduction's "valid trace format": at least one frame, and every frame well-formed. */
export function traceWellFormed(predicted: readonly TraceFrame[]): boolean {
  return predicted.length > 0 && predicted.every((frame) => frame.wellFormed);
}

const MARKER_CHARS = new Set('  # << START_OF_TRACE');

/**
 * The reproduction's `normalize_source`: `rstrip("\n")`, then `rstrip("  # << START_OF_TRACE")`
 * — which strips any trailing run of those *characters* (so `x = A` becomes `x =`) — then `rstrip()`.
 */
export function reproductionSource(action: string): string {
  let end = action.length;
  while (end > 0 && action[end - 1] === '\n') end--;
  while (end > 0 && MARKER_CHARS.has(action[end - 1])) end--;
  return action.slice(0, end).trimEnd();
}

function sameAction(real: TraceFrame, predicted: TraceFrame): boolean {
  // A format that gives line numbers instead of source text (the plain format) is compared by line.
  if (predicted.action === null && predicted.line !== null) return real.line === predicted.line;
  if (real.action !== null) return reproductionSource(real.action) === reproductionSource(predicted.action ?? '');
  return real.line !== null && real.line === predicted.line;
}

/** name → value, a repeated name's last value winning (a Python dict from JSON). */
function localsDict(locals: readonly TraceLocal[], view: LocalsView): Map<string, string | null> {
  const dict = new Map<string, string | null>();
  for (const local of locals) dict.set(local.name, view === 'written' ? writtenValue(local) : local.value);
  return dict;
}

function jaccard(intersection: number, a: number, b: number): number {
  const union = a + b - intersection;
  return union === 0 ? 1 : intersection / union;
}

interface LocalsScore {
  exact: boolean;
  keys: number;
  pairs: number;
}

function scoreLocals(real: Map<string, string | null>, predicted: Map<string, string | null>, mode: CompareMode): LocalsScore {
  let commonKeys = 0;
  let commonPairs = 0;
  for (const [name, value] of real) {
    if (!predicted.has(name)) continue;
    commonKeys++;
    if (valuesEqual(value, predicted.get(name)!, mode)) commonPairs++;
  }
  return {
    exact: commonPairs === real.size && real.size === predicted.size,
    keys: jaccard(commonKeys, real.size, predicted.size),
    pairs: jaccard(commonPairs, real.size, predicted.size),
  };
}

export function table9Metrics(real: readonly TraceFrame[], predicted: readonly TraceFrame[], options: Table9Options = {}): Table9Metrics {
  const view = options.locals ?? 'written';
  const mode = options.mode ?? 'strict';
  let actionHits = 0;
  let observations = 0;
  let stateHits = 0;
  let jsonValid = 0;
  let keySum = 0;
  let pairSum = 0;
  for (let i = 0; i < real.length; i++) {
    const gt = real[i];
    const pred = i < predicted.length ? predicted[i] : null;
    if (pred !== null && sameAction(gt, pred)) actionHits++;
    if (!hasLocals(gt.kind)) continue;
    observations++;
    const predLocals = pred !== null && hasLocals(pred.kind) ? pred.locals : null;
    if (predLocals === null) continue;
    jsonValid++;
    if (gt.locals === null) continue;
    const score = scoreLocals(localsDict(gt.locals, view), localsDict(predLocals, view), mode);
    if (score.exact) stateHits++;
    keySum += score.keys;
    pairSum += score.pairs;
  }
  const perObservation = (sum: number) => (observations ? sum / observations : null);
  return {
    valid_trace_format: (options.wellFormed ?? traceWellFormed(predicted)) ? 1 : 0,
    state_exact_match: perObservation(stateHits),
    action_exact_match: real.length ? actionHits / real.length : null,
    valid_json_format: perObservation(jsonValid),
    key_match: perObservation(keySum),
    key_value_match: perObservation(pairSum),
  };
}
