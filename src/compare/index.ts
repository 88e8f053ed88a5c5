/** Comparing a predicted trace with the real one: the public API of src/compare (docs/metrics.md). */
export { ELIDED, hasLocals, writtenValue, type CompareMode, type FrameKind, type TraceFrame, type TraceLocal } from './frame.ts';
export { CwmFrameMapper, CwmTraceReader, readCwmTrace, traceFramesFromCwm } from './from-cwm.ts';
export { realTraceFrames, SEEDED_FRAMES, type RealFramesOptions } from './real.ts';
export { PlainFrameMapper, PlainTraceReader, traceFramesFromPlain } from './from-plain.ts';
export { alignmentFor, detectFormat, predictionBody, predictionReader, type Alignment, type PredictionTextFormat } from './alignment.ts';
export { diffTraces } from './diff.ts';
export { DiffState } from './diff-state.ts';
export { frameDifferences, frameStatus, localsMatch, variableDifferences } from './frame-compare.ts';
export {
  STEP_STATUSES,
  type Divergence,
  type DivergenceField,
  type FieldDifference,
  type StatusCounts,
  type StepStatus,
  type TraceDiff,
  type VariableDifference,
} from './diff-types.ts';
export { actionsEqual, valuesEqual } from './values.ts';
export { matchesTruncated, TRUNCATION_MARK } from './truncation.ts';
export { canonicalRepr, lenientReprEqual } from './repr/canonical.ts';
export { outputsEqual, pyLiteralEquals, type PyEqualResult } from './repr/py-equal.ts';
export { reproductionSource, table9Metrics, traceWellFormed, type LocalsView, type Table9Metrics, type Table9Options } from './metrics/table9.ts';
export { outputCorrect, traceOutput } from './metrics/output.ts';
export { scoreItem, type ItemMetrics, type ScoreOptions } from './metrics/item.ts';
export { divergenceBucket, MetricsAccumulator, summarizeMetrics, TABLE9_KEYS, type MetricsSummary, type Table9Summary } from './metrics/summary.ts';
export { realOutput, scorePrediction, type PredictionScoreInput } from './score-prediction.ts';
