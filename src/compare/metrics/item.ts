import { diffTraces } from '../diff.ts';
import type { Divergence, DivergenceField } from '../diff-types.ts';
import type { CompareMode, TraceFrame } from '../frame.ts';
import { outputCorrect, traceOutput } from './output.ts';
import { table9Metrics, type Table9Metrics } from './table9.ts';

/** Every per-item metric of one prediction against the real trace (docs/metrics.md). */
export interface ItemMetrics extends Table9Metrics {
  output_correct: boolean;
  /** The predicted output (main()'s return value), null if the prediction has none. */
  predicted_output: string | null;
  /** Position of the first divergence (diff.ts), null when the traces agree. */
  first_divergence: number | null;
  first_divergence_field: DivergenceField | null;
  /** What differs there (diff.ts), null when the traces agree. */
  divergence: Divergence | null;
  /** The Table 9 components on `..`-resolved locals. */
  resolved: Table9Metrics;
}

export interface ScoreOptions {
  /** The expected output repr; by default the real trace's own output. */
  expected?: string | null;
  /** For the first divergence (the Table 9 components compare exact text, as the reproduction does). */
  mode?: CompareMode;
}

export function scoreItem(real: readonly TraceFrame[], predicted: readonly TraceFrame[], options: ScoreOptions = {}): ItemMetrics {
  const expected = options.expected === undefined ? traceOutput(real) : options.expected;
  const divergence = diffTraces(real, predicted, options.mode ?? 'strict').firstDivergence;
  return {
    output_correct: outputCorrect(expected, predicted),
    ...table9Metrics(real, predicted),
    predicted_output: traceOutput(predicted),
    first_divergence: divergence?.index ?? null,
    first_divergence_field: divergence?.field ?? null,
    divergence,
    resolved: table9Metrics(real, predicted, { locals: 'resolved' }),
  };
}
