/**
 * One line of results.jsonl: an item's outcome, complete enough that summary.json and report.html
 * are built from these lines alone (read back after the run, or after a resumed run).
 */
import type { Divergence, DivergenceField, ItemMetrics, PredictionTextFormat, Table9Metrics } from '../../compare/index.ts';
import type { RuntimeId } from '../../engine/runtimes.ts';
import type { SourceLabel } from './prediction.ts';

export interface ResultLine extends Table9Nullable {
  id: unknown;
  /** The suite line, for a line that could not be read or whose id was used before. */
  line?: number;
  /** The traced call expression (null when the line could not be read). */
  call: string | null;
  runtime: RuntimeId;
  mode: SourceLabel['mode'];
  model: string | null;
  /** The prediction's format (null when there is none). */
  format: PredictionTextFormat | null;
  /** Why the item has no scores (a bad line, a failed real run, a failed prediction); null when scored. */
  error: string | null;
  /** Table 9's output pass@1 for this item (null when not scored). */
  output_correct: boolean | null;
  expected_output: string | null;
  predicted_output: string | null;
  /** Position of the first divergence in the prediction (docs/metrics.md §2); null: none, or not scored. */
  first_divergence: number | null;
  /** The real trace's step there (0-based; the link opens at it). */
  first_divergence_step: number | null;
  first_divergence_field: DivergenceField | null;
  /** Everything that differs at the first divergence. */
  divergence: Divergence | null;
  /** The first divergence in words. */
  divergence_text: string | null;
  /** The Table 9 components on `..`-resolved locals (docs/metrics.md). */
  resolved: Table9Metrics | null;
  real_frames: number | null;
  predicted_frames: number | null;
  /** The server's finish reason (endpoint runs). */
  finish_reason?: string | null;
  /** Requests retried for this item (endpoint runs). */
  retries?: number;
  /** The permalink's hash (`#v1/…`): the item, its prediction and the first divergence's step. Null when too long. */
  link: string | null;
  /** Why the link is missing or opens without the prediction. */
  link_note?: string;
}

type Table9Nullable = { [K in keyof Table9Metrics]: Table9Metrics[K] | null };

/** The per-item metrics of a scored line, for MetricsAccumulator; null for a line with an error. */
export function itemMetrics(line: ResultLine): ItemMetrics | null {
  if (line.error !== null || line.output_correct === null || line.resolved === null || line.valid_trace_format === null) return null;
  return {
    output_correct: line.output_correct,
    valid_trace_format: line.valid_trace_format,
    state_exact_match: line.state_exact_match,
    action_exact_match: line.action_exact_match,
    valid_json_format: line.valid_json_format,
    key_match: line.key_match,
    key_value_match: line.key_value_match,
    predicted_output: line.predicted_output,
    first_divergence: line.first_divergence,
    first_divergence_field: line.first_divergence_field,
    divergence: line.divergence,
    resolved: line.resolved,
  };
}

/** Reads a line of results.jsonl back; null when it is not a result line (a cut-off write). */
export function parseResultLine(text: string): ResultLine | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const line = value as Partial<ResultLine>;
  const ok = 'id' in line && typeof line.runtime === 'string' && typeof line.mode === 'string' && (line.error === null || typeof line.error === 'string');
  return ok ? (line as ResultLine) : null;
}
