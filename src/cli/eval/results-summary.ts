/**
 * Reading results.jsonl back after a run: the summary (macro averages, MetricsAccumulator) and,
 * for the report, each line's position and rank — a few numbers per item, never the lines
 * themselves, so a run of any size is summarized in flat memory.
 */
import { MetricsAccumulator, TABLE9_KEYS, type MetricsSummary } from '../../compare/index.ts';
import { fileLines, openForReading } from './file-lines.ts';
import { itemMetrics, parseResultLine, type ResultLine } from './result-line.ts';

/** Where a line is, and how bad its item went (smaller = worse: listed first). */
export interface RankedLine {
  offset: number;
  bytes: number;
  rank: readonly number[];
}

export interface ResultsDigest {
  summary: MetricsSummary;
  /** Lines with an error (not scored, not in the summary). */
  errors: number;
  lines: RankedLine[];
}

/**
 * Worst first: items with an error; then by first divergence, earliest first (none last); then a
 * wrong output before a right one; then the lower mean of the Table 9 components.
 */
export function rankOf(line: ResultLine, order: number): number[] {
  if (line.error !== null) return [0, 0, 0, 0, order];
  const values = TABLE9_KEYS.map((key) => line[key]).filter((value): value is number => value !== null);
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  return [1, line.first_divergence ?? Number.MAX_SAFE_INTEGER, line.output_correct ? 1 : 0, mean, order];
}

export function compareRanks(a: RankedLine, b: RankedLine): number {
  for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
  return 0;
}

export async function digestResults(path: string): Promise<ResultsDigest> {
  const handle = await openForReading(path);
  const accumulator = new MetricsAccumulator();
  const lines: RankedLine[] = [];
  let errors = 0;
  try {
    for await (const line of fileLines(handle, path)) {
      const result = parseResultLine(line.text);
      if (!result) continue;
      const metrics = itemMetrics(result);
      if (metrics) accumulator.add(metrics);
      else errors++;
      lines.push({ offset: line.offset, bytes: line.bytes, rank: rankOf(result, lines.length) });
    }
  } finally {
    await handle.close();
  }
  return { summary: accumulator.summary(), errors, lines: lines.sort(compareRanks) };
}
