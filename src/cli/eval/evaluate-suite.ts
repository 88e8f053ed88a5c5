/**
 * The items of a run: one booted runtime, at most `--concurrency` items at a time, each result
 * line appended as soon as its item is done. An unusable endpoint stops the run: the items in
 * flight are dropped (not written), so running the same command again resumes with them.
 */
import type { Endpoint } from '../../model/index.ts';
import { startEngine } from '../engine.ts';
import { CliError } from '../errors.ts';
import { countLines } from '../io.ts';
import type { EvalCommand } from './args.ts';
import { EndpointSource } from './endpoint-source.ts';
import { evaluateEntry, type EvalContext } from './evaluate-item.ts';
import { GroundTruthTracer } from './ground-truth.ts';
import { FileWriter } from './line-writer.ts';
import { forEachConcurrently } from './pool.ts';
import { EndpointFailure, type PredictionSource } from './prediction.ts';
import type { PredictionsFile } from './predictions-file.ts';
import { EvalProgress } from './progress.ts';
import type { Resumed } from './results-file.ts';
import { openSuite, type SuiteEntry } from './suite-reader.ts';

/** The predictions file, or the endpoint (its chat prompt needs the engine for the worked example). */
async function predictionSource(command: EvalCommand, file: PredictionsFile | null, endpoint: Endpoint | null, tracer: GroundTruthTracer, progress: EvalProgress): Promise<PredictionSource> {
  if (command.source.kind !== 'endpoint') return file!;
  const example = command.source.mode === 'chat' ? await tracer.chatExample() : '';
  return new EndpointSource(endpoint!, command.source, example, () => progress.retried());
}

class SuiteRun {
  private readonly abort = new AbortController();
  fatal: EndpointFailure | null = null;
  written = 0;

  constructor(
    private readonly done: ReadonlySet<string>,
    private readonly writer: FileWriter,
    private readonly progress: EvalProgress,
  ) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** One suite entry: skipped when results.jsonl has it, else evaluated and its line appended. */
  async item(entry: SuiteEntry, context: EvalContext): Promise<void> {
    if (this.done.has(entry.key)) return this.progress.skip();
    let line;
    try {
      line = await evaluateEntry(entry, context);
    } catch (error) {
      if (!(error instanceof EndpointFailure)) throw error;
      this.fatal ??= error;
      this.abort.abort(); // the other items in flight end at once and are dropped below
      return;
    }
    if (this.signal.aborted) return;
    await this.writer.write(JSON.stringify(line) + '\n');
    this.written++;
    this.progress.tick(line.error !== null);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

/** Trace, predict and score every item results.jsonl does not have yet. */
export async function evaluateSuite(command: EvalCommand, resumed: Resumed, file: PredictionsFile | null, endpoint: Endpoint | null): Promise<void> {
  const total = countLines(command.suite); // counted while Python boots
  let booted;
  try {
    booted = await startEngine(command.runtime);
  } catch (error) {
    await file?.close();
    throw error;
  }
  const { engine } = booted;
  const tracer = new GroundTruthTracer(engine, command.limits);
  const progress = new EvalProgress(process.stderr, Boolean(process.stderr.isTTY), await total);
  const run = new SuiteRun(resumed.done, new FileWriter(resumed.path, true), progress);
  let source: PredictionSource | null = file;
  try {
    source = await predictionSource(command, file, endpoint, tracer, progress);
    const context: EvalContext = { tracer, source, runtime: command.runtime, maxSteps: command.limits.maxSteps, appUrl: command.appUrl, signal: run.signal };
    await forEachConcurrently(await openSuite(command.suite), command.concurrency, (entry) => run.item(entry, context), () => run.fatal !== null);
  } finally {
    await run.close();
    progress.finish();
    engine.dispose();
    await source?.close();
  }
  if (run.fatal) {
    const kept = resumed.done.size + run.written > 0 ? `The results so far are in ${resumed.path}; run the same command again to resume.` : 'No item was done.';
    throw new CliError(`the endpoint failed: ${run.fatal.message} ${kept}`);
  }
}
