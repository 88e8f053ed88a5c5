/**
 * Files in and out: export the real trace (JSON or CWM text), the prediction and a diff report;
 * import a trace, a prediction or a share file (picked or dropped), validated first.
 */
import { realOutput, scorePrediction } from '../compare/index.ts';
import { isRuntimeId } from '../engine/runtimes.ts';
import { emitCwm } from '../trace/cwm/emit.ts';
import { exportTraceJson, importTraceJson, TRACE_FORMAT } from '../trace/json-format.ts';
import { useAppStore, type RunView } from './app-store.ts';
import { loadPrediction } from './prediction-controller.ts';
import { alignmentFor } from './prediction-sink.ts';
import { usePredictionStore } from './prediction-store.ts';
import { nextRunId } from './run-controller.ts';
import { openShareFile } from './share-controller.ts';
import { divergenceText } from '../compare/describe-divergence.ts';

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function finishedRun(): RunView | null {
  const run = useAppStore.getState().run;
  return run && run.outcome ? run : null;
}

export function exportTrace(format: 'json' | 'cwm'): void {
  const run = finishedRun();
  if (!run || !run.outcome) return;
  if (format === 'cwm') {
    download('trace.cwm.txt', emitCwm(run.store, { complete: run.outcome.reason === 'completed' }), 'text/plain');
    return;
  }
  const text = exportTraceJson({
    store: run.store, outcome: run.outcome, program: { code: run.code, call: run.call || null, stdin: useAppStore.getState().draft.stdin },
    runtime: run.runtime, pythonVersion: run.info?.pythonVersion ?? '', limits: run.limits,
  });
  download('trace.json', text, 'application/json');
}

export function exportPrediction(): void {
  const prediction = usePredictionStore.getState().prediction;
  if (prediction) download(prediction.format === 'cwm' ? 'prediction.cwm.txt' : 'prediction.txt', prediction.text, 'text/plain');
}

/** A JSON report of the comparison: where it diverges first, statuses per position, metrics. */
export function diffReport(): object | null {
  const run = finishedRun();
  const { prediction, diff, compareMode } = usePredictionStore.getState();
  if (!run || !prediction || !diff || prediction.runId !== run.id) return null;
  const divergence = diff.firstDivergence;
  const metrics = scorePrediction({
    alignment: alignmentFor(run.store, run.call, prediction.format), format: prediction.format, frames: prediction.frames,
    mode: compareMode, expected: realOutput(run.store),
  });
  return {
    format: 'python-trace-diff-report',
    version: 1,
    program: { code: run.code, call: run.call || null, runtime: run.runtime, python: run.info?.pythonVersion ?? null },
    prediction: { source: prediction.source, model: prediction.model, promptMode: prediction.promptMode, format: prediction.format, frames: prediction.frames.length, ended: prediction.ended },
    mode: compareMode,
    firstDivergence: divergence ? { ...divergence, step: prediction.stepOf(divergence.index), text: divergenceText(divergence, prediction.stepOf(divergence.index)) } : null,
    counts: diff.counts,
    statuses: diff.statuses(),
    metrics: { ...metrics, divergence: undefined },
  };
}

export function exportDiffReport(): void {
  const report = diffReport();
  if (report) download('diff-report.json', JSON.stringify(report, null, 1), 'application/json');
}

function loadImportedTrace(text: string): boolean {
  const result = importTraceJson(text);
  if (!result.ok) {
    useAppStore.getState().setAlert(`This trace file cannot be opened: ${result.error}`);
    return true;
  }
  const { trace } = result;
  const app = useAppStore.getState();
  const runtime = isRuntimeId(trace.runtime) ? trace.runtime : app.draft.runtime;
  const draft = { ...app.draft, code: trace.program.code, call: trace.program.call ?? '', stdin: trace.program.stdin, runtime };
  const run: RunView = {
    id: nextRunId(), store: trace.store, code: draft.code, call: draft.call, runtime, outcome: trace.outcome,
    info: { runtime, pythonVersion: trace.pythonVersion, bootMs: 0, canInterrupt: false },
    durationMs: 0, steps: trace.store.stepCount, limits: trace.limits, origin: 'import',
  };
  useAppStore.setState({ draft, previousDraft: app.draft, run, step: 0, alert: null });
  return true;
}

/** Import any supported file: a share file, a trace JSON file, or a prediction (text). */
export async function importFile(file: File): Promise<void> {
  const setAlert = useAppStore.getState().setAlert;
  if (file.size > MAX_IMPORT_BYTES) {
    setAlert(`${file.name} is ${(file.size / 2 ** 20).toFixed(0)} MB: files up to ${MAX_IMPORT_BYTES / 2 ** 20} MB can be imported.`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    setAlert(`${file.name} could not be read.`);
    return;
  }
  if (await openShareFile(text)) return;
  if (text.trimStart().startsWith('{') && text.includes(`"${TRACE_FORMAT}"`)) {
    loadImportedTrace(text);
    return;
  }
  if (/<\|(call|line|return|exception)_sep\|>/.test(text) || /^\s*(call|line|return|exception) \d+ /m.test(text)) {
    useAppStore.setState({ compareOpen: true });
    await loadPrediction(text, 'file');
    return;
  }
  setAlert(`${file.name} is not a trace (JSON), a prediction (CWM or plain text) or a share file, so nothing was imported.`);
}
