import type { TraceStore } from '../trace/store.ts';
import type { Alignment, PredictionTextFormat } from './alignment.ts';
import type { CompareMode, TraceFrame } from './frame.ts';
import { scoreItem, type ItemMetrics } from './metrics/item.ts';
import { traceOutput } from './metrics/output.ts';
import { realTraceFrames } from './real.ts';

export interface PredictionScoreInput {
  alignment: Alignment;
  format: PredictionTextFormat;
  frames: readonly TraceFrame[];
  mode?: CompareMode;
  /** The expected output (repr); by default the real run's: the outermost return value. */
  expected?: string | null;
}

/** The real run's output: the return value of its outermost frame (main() for a call entry). */
export function realOutput(store: TraceStore): string | null {
  return traceOutput(realTraceFrames(store));
}

/**
 * Every metric of a prediction against its real run, the same in the app and the `eval` CLI.
 * The plain format may write every value in full where CWM writes `..` (docs/prediction-formats.md),
 * so its Table 9 components compare resolved locals; CWM's compare the written form, as the
 * reproduction does.
 */
export function scorePrediction(input: PredictionScoreInput): ItemMetrics {
  const score = scoreItem(input.alignment.real, input.frames, { expected: input.expected, mode: input.mode });
  return input.format === 'plain' ? { ...score, ...score.resolved } : score;
}
