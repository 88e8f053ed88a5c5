import type { FrameKind } from './frame.ts';

/** The results of aligning a predicted trace with the real one, by position. */

/**
 * One position of the timeline strip. missing: the prediction ended before this real frame;
 * extra: the prediction goes on past the real trace's end.
 */
export type StepStatus = 'match' | 'mismatch' | 'missing' | 'extra' | 'malformed';

export const STEP_STATUSES: readonly StepStatus[] = ['match', 'mismatch', 'missing', 'extra', 'malformed'];

export type DivergenceField = 'kind' | 'action' | 'line' | 'variables' | 'value' | 'length' | 'malformed';

export interface VariableDifference {
  name: string;
  /** value: both have it, with different values; missing: only the real frame; extra: only the prediction. */
  change: 'value' | 'missing' | 'extra';
  /** The real repr (null when the real frame lacks the name). */
  real: string | null;
  /** The predicted repr (null when the prediction lacks the name; `..` when it could not be resolved). */
  predicted: string | null;
  /** The prediction wrote `..` for a value that could not be resolved. */
  unresolved: boolean;
}

export type FieldDifference =
  | { field: 'malformed'; reason: string }
  | { field: 'kind'; real: FrameKind | null; predicted: FrameKind | null }
  | { field: 'action'; real: string | null; predicted: string | null }
  | { field: 'line'; real: number | null; predicted: number | null }
  | { field: 'variables'; variables: VariableDifference[] }
  | { field: 'value'; real: string | null; predicted: string | null }
  /** ended: which trace ended first ('predicted': too short; 'real': the prediction is too long). */
  | { field: 'length'; ended: 'predicted' | 'real'; real: number; predicted: number };

export interface Divergence {
  /** Position of the first differing frame (for length: the first position only one trace has). */
  index: number;
  /** The first entry of `differences`. */
  field: DivergenceField;
  /** Everything that differs at this position, in the order malformed, kind, action, line, variables, value. */
  differences: FieldDifference[];
}

export type StatusCounts = Record<StepStatus, number>;

export interface TraceDiff {
  /** One status per position decided so far (all positions once the prediction ended). */
  statuses: StepStatus[];
  firstDivergence: Divergence | null;
  counts: StatusCounts;
  realLength: number;
  predictedLength: number;
  /** The prediction is complete: real frames past its end count as missing. */
  ended: boolean;
}

export function emptyCounts(): StatusCounts {
  return { match: 0, mismatch: 0, missing: 0, extra: 0, malformed: 0 };
}
