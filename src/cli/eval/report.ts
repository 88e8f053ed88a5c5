/**
 * report.html, built after the run from results.jsonl: the lines are read back one at a time in
 * worst-first order (by byte position) and written out as table rows, so memory stays flat.
 * Written to a temporary file and renamed, so a report is never half there.
 */
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { openForReading, readLineAt } from './file-lines.ts';
import { FileWriter } from './line-writer.ts';
import { itemRow, PAGE_END, pageStart, type ReportHeader } from './report-html.ts';
import { parseResultLine } from './result-line.ts';
import type { RankedLine } from './results-summary.ts';

export const REPORT_FILE = 'report.html';

export async function writeReport(dir: string, resultsPath: string, header: ReportHeader, lines: readonly RankedLine[], appUrl: string): Promise<string> {
  const path = join(dir, REPORT_FILE);
  const temporary = `${path}.partial`;
  const writer = new FileWriter(temporary, false);
  const results = await openForReading(resultsPath);
  try {
    await writer.write(pageStart(header));
    let position = 0;
    for (const { offset, bytes } of lines) {
      const line = parseResultLine(await readLineAt(results, offset, bytes));
      if (line) await writer.write(itemRow(++position, line, appUrl));
    }
    await writer.write(PAGE_END);
  } finally {
    await results.close();
    await writer.close();
  }
  await rename(temporary, path);
  return path;
}
