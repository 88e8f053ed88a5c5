import type { ItemMetrics } from './item.ts';
import type { Table9Metrics } from './table9.ts';

/**
 * Macro-averaging per-item metrics (each item weighs the same; an item's null component — a real
 * trace without such frames — is left out of that component's mean), as percentages 0–100.
 * The key names are the `eval` CLI's summary.json keys.
 */

export const TABLE9_KEYS = [
  'valid_trace_format', 'state_exact_match', 'action_exact_match', 'valid_json_format', 'key_match', 'key_value_match',
] as const satisfies readonly (keyof Table9Metrics)[];

export type Table9Summary = Record<(typeof TABLE9_KEYS)[number], number>;

export interface MetricsSummary extends Table9Summary {
  n: number;
  output_correct: number;
  /** Items by position of the first divergence: `none`, `0`, `1`, `2-3`, `4-7`, `8-15`, … */
  first_divergence_histogram: Record<string, number>;
}

/** The histogram bucket of a first-divergence position (powers of two). */
export function divergenceBucket(index: number | null): string {
  if (index === null) return 'none';
  if (index < 2) return String(index);
  const low = 2 ** Math.floor(Math.log2(index));
  return `${low}-${2 * low - 1}`;
}

function bucketOrder(key: string): number {
  return key === 'none' ? -1 : Number(key.split('-')[0]);
}

/** Running sums: constant memory however many items are added (for long CLI runs). */
export class MetricsAccumulator {
  private n = 0;
  private correct = 0;
  private readonly sums = new Map<string, { total: number; count: number }>();
  private readonly histogram = new Map<string, number>();

  add(item: ItemMetrics): void {
    this.n++;
    if (item.output_correct) this.correct++;
    for (const key of TABLE9_KEYS) this.addValue(key, item[key]);
    for (const key of TABLE9_KEYS) this.addValue('resolved.' + key, item.resolved[key]);
    const bucket = divergenceBucket(item.first_divergence);
    this.histogram.set(bucket, (this.histogram.get(bucket) ?? 0) + 1);
  }

  summary(): MetricsSummary {
    const histogram: Record<string, number> = {};
    for (const key of [...this.histogram.keys()].sort((a, b) => bucketOrder(a) - bucketOrder(b))) histogram[key] = this.histogram.get(key)!;
    return {
      n: this.n,
      output_correct: this.n ? (100 * this.correct) / this.n : 0,
      ...this.table9(''),
      first_divergence_histogram: histogram,
    };
  }

  /** The same components on `..`-resolved locals. */
  resolvedSummary(): Table9Summary {
    return this.table9('resolved.');
  }

  private addValue(key: string, value: number | null): void {
    if (value === null) return;
    const sum = this.sums.get(key) ?? { total: 0, count: 0 };
    sum.total += value;
    sum.count++;
    this.sums.set(key, sum);
  }

  private table9(prefix: string): Table9Summary {
    const out = {} as Table9Summary;
    for (const key of TABLE9_KEYS) {
      const sum = this.sums.get(prefix + key);
      out[key] = sum && sum.count ? (100 * sum.total) / sum.count : 0;
    }
    return out;
  }
}

export function summarizeMetrics(items: Iterable<ItemMetrics>): MetricsSummary {
  const accumulator = new MetricsAccumulator();
  for (const item of items) accumulator.add(item);
  return accumulator.summary();
}
