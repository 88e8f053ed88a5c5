/** The summary as text: summary.json's content, and the table printed on stdout. */
import { TABLE9_KEYS, type MetricsSummary } from '../../compare/index.ts';

/** summary.json: exactly these keys, in this order (percentages 0–100, macro-averaged). */
export function summaryJson(summary: MetricsSummary): string {
  const ordered = {
    n: summary.n,
    output_correct: summary.output_correct,
    ...Object.fromEntries(TABLE9_KEYS.map((key) => [key, summary[key]])),
    first_divergence_histogram: summary.first_divergence_histogram,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

/** At most three decimals, trailing zeros dropped: 87.25, 99.625, 97.653. */
export function percent(value: number): string {
  return String(Number(value.toFixed(3)));
}

function bucketOrder(key: string): number {
  return key === 'none' ? -1 : Number(key.split('-')[0]);
}

/** Histogram buckets in position order (`none` first), whatever the object's key order. */
export function histogramEntries(histogram: Record<string, number>): [string, number][] {
  return Object.entries(histogram).sort(([a], [b]) => bucketOrder(a) - bucketOrder(b));
}

/**
 * The summary as a two-column table. `errors`: items not scored (not part of summary.json).
 */
export function summaryTable(summary: MetricsSummary, errors: number): string {
  const rows: [string, string][] = [
    ['n', String(summary.n)],
    ['output_correct', percent(summary.output_correct)],
    ...TABLE9_KEYS.map((key): [string, string] => [key, percent(summary[key])]),
  ];
  const histogram = histogramEntries(summary.first_divergence_histogram).map(([bucket, items]): [string, string] => [`  ${bucket}`, String(items)]);
  const errorRows: [string, string][] = errors > 0 ? [['items with errors (not scored)', String(errors)]] : [];
  const all = [...rows, ...histogram, ...errorRows];
  const width = Math.max(...all.map(([name]) => name.length), 'first_divergence_histogram'.length) + 2;
  const valueWidth = Math.max(...all.map(([, value]) => value.length), 5);
  const line = ([name, value]: [string, string]) => name.padEnd(width) + value.padStart(valueWidth);
  return [line(['metric (%)', 'value']), ...rows.map(line), 'first_divergence_histogram', ...histogram.map(line), ...errorRows.map(line)].join('\n') + '\n';
}
