/**
 * An eval run: check every input (suite, predictions file or endpoint, --out) before the slow
 * boot, then trace, predict and score the items with bounded concurrency, appending each result
 * line as soon as the item is done; at the end summary.json, report.html and the table on stdout
 * are made from results.jsonl.
 */
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RUNTIMES } from '../../engine/runtimes.ts';
import type { Endpoint } from '../../model/index.ts';
import { CliError, EXIT_OK, messageOf } from '../errors.ts';
import { writeOut } from '../io.ts';
import type { EvalCommand } from './args.ts';
import { checkEndpoint } from './endpoint-source.ts';
import { evaluateSuite } from './evaluate-suite.ts';
import { checkReadable } from './file-lines.ts';
import { PredictionsFile } from './predictions-file.ts';
import { writeReport } from './report.ts';
import { resumeResults, type Resumed, type RunIdentity } from './results-file.ts';
import { digestResults } from './results-summary.ts';
import { summaryJson, summaryTable } from './summary-table.ts';

export const SUMMARY_FILE = 'summary.json';

/** The endpoint with its key (read from the environment), or null for a predictions file. */
export type Connection = Endpoint | null;

/** Opens the predictions file, or checks the endpoint (exit 1 when it cannot be used). */
async function prepareSource(command: EvalCommand, connection: Connection, note: (line: string) => void): Promise<PredictionsFile | null> {
  const { source } = command;
  if (source.kind === 'endpoint') {
    await checkEndpoint(connection!, note);
    return null;
  }
  const file = await PredictionsFile.open(source.file, source.model);
  const { unreadable, duplicates } = file.notes;
  if (unreadable) note(`note: ${unreadable} line${unreadable === 1 ? '' : 's'} of ${source.file} without an id (or not JSON) left out`);
  if (duplicates) note(`note: ${duplicates} line${duplicates === 1 ? '' : 's'} of ${source.file} repeat an earlier id (the first counts)`);
  return file;
}

function identityOf(command: EvalCommand): RunIdentity {
  const { source } = command;
  return source.kind === 'endpoint'
    ? { mode: source.mode, model: source.model, runtime: command.runtime }
    : { mode: 'predictions', model: source.model, runtime: command.runtime };
}

function describeRun(command: EvalCommand): string {
  const { source } = command;
  const from = source.kind === 'endpoint'
    ? `mode ${source.mode} · model ${source.model}`
    : `predictions from ${basename(source.file)}${source.model ? ` · model ${source.model}` : ''}`;
  return `suite ${basename(command.suite)} · ${from} · ${RUNTIMES[command.runtime].label}`;
}

/** summary.json, report.html and the table on stdout, from results.jsonl. */
async function summarize(command: EvalCommand, resultsPath: string, note: (line: string) => void): Promise<void> {
  const digest = await digestResults(resultsPath);
  try {
    await writeFile(join(command.out, SUMMARY_FILE), summaryJson(digest.summary));
  } catch (error) {
    throw new CliError(`cannot write ${join(command.out, SUMMARY_FILE)}: ${messageOf(error)}`);
  }
  const title = `Trace predictions: ${command.source.model ?? basename(command.suite)}`;
  await writeReport(command.out, resultsPath, { title, description: describeRun(command), summary: digest.summary, errors: digest.errors }, digest.lines, command.appUrl);
  await writeOut(summaryTable(digest.summary, digest.errors));
  note(`wrote ${join(command.out, '{results.jsonl,summary.json,report.html}')}`);
}

export async function runEval(command: EvalCommand, connection: Connection, note: (line: string) => void): Promise<number> {
  await checkReadable(command.suite); // a missing file fails before anything else
  const file = await prepareSource(command, connection, note);
  let resumed: Resumed;
  try {
    resumed = await resumeResults(command.out, identityOf(command));
  } catch (error) {
    await file?.close();
    throw error;
  }
  if (resumed.discardedPartialLine) note(`note: the cut-off last line of ${resumed.path} was discarded`);
  if (resumed.done.size) note(`resuming: ${resumed.done.size} item${resumed.done.size === 1 ? ' is' : 's are'} already in ${resumed.path}`);
  await evaluateSuite(command, resumed, file, connection);
  await summarize(command, resumed.path, note);
  return EXIT_OK;
}
