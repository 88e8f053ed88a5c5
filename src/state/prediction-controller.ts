/**
 * Predictions: ask a model (whole trace, one frame at a time, or teacher-forced at every step),
 * take one pasted or imported, cancel. The real run is the current finished run of the draft.
 */
import { frameStatus, predictionBody, readCwmTrace } from '../compare/index.ts';
import { isModelError, type GenerationResult } from '../model/index.ts';
import { CHAT_EXAMPLE_PROGRAM } from '../model/prompts/chat.ts';
import { emitCwm } from '../trace/cwm/emit.ts';
import { SEEDED_MAIN_CALL } from '../trace/cwm/prompt.ts';
import { CWM, KIND_TOKENS } from '../trace/cwm/tokens.ts';
import { emitPlainTrace } from '../trace/plain/emit.ts';
import { parsePlainTrace } from '../trace/plain/parse.ts';
import { traceFramesFromPlain } from '../compare/index.ts';
import { useAppStore, type RunView } from './app-store.ts';
import { getEngine, runDraft } from './run-controller.ts';
import {
  buildPrompt, endpointOf, nextFramePrompt, promptFromText, promptToText, requestParameters, sendPrompt, SettingsError, type PromptSpec,
} from './prediction-requests.ts';
import { alignmentFor, detectFormat, startPrediction, type PredictionSink } from './prediction-sink.ts';
import { usePredictionStore, type PredictionFormat, type PromptMode, type TeacherResult } from './prediction-store.ts';

let controller: AbortController | null = null;
const exampleTraces = new Map<string, string>();

function alert(message: string): void {
  useAppStore.getState().setAlert(message);
}

/** The finished run of the current draft, running it first if needed. */
async function realRun(): Promise<RunView | null> {
  const matches = (run: RunView | null) => {
    const { draft } = useAppStore.getState();
    return run !== null && run.outcome !== null && run.code === draft.code && run.call === draft.call.trim() && run.runtime === draft.runtime;
  };
  if (!matches(useAppStore.getState().run)) await runDraft();
  const run = useAppStore.getState().run;
  if (!matches(run) || !run || run.steps === 0) {
    alert('There is no trace of this code to compare with: fix the run first (see the message under the timeline).');
    return null;
  }
  return run;
}

/** The worked example of the chat prompt, traced by the engine (cached per runtime). */
async function exampleTrace(runtime: string): Promise<string> {
  const cached = exampleTraces.get(runtime);
  if (cached) return cached;
  const engine = getEngine();
  if (!engine) throw new Error('Python is not available');
  const { store, outcome } = await engine.run({ code: CHAT_EXAMPLE_PROGRAM });
  const text = emitPlainTrace(store, { complete: outcome.reason === 'completed' });
  exampleTraces.set(runtime, text);
  return text;
}

function formatOf(mode: PromptMode): PredictionFormat {
  return mode === 'cwm' ? 'cwm' : 'plain';
}

function checkMode(mode: PromptMode, call: string): boolean {
  if (mode === 'cwm' && !call) {
    alert('CWM native mode traces one call: enter a call expression in the Call field (e.g. f([1, 2])), or switch the prompt mode to chat.');
    return false;
  }
  return true;
}

/** The prompt that Predict will send for the current draft (for showing and editing). */
export async function currentPromptText(): Promise<string> {
  const { draft } = useAppStore.getState();
  const { settings } = usePredictionStore.getState();
  const example = settings.promptMode === 'chat' ? await exampleTrace(draft.runtime) : '';
  return promptToText(buildPrompt(settings.promptMode, { code: draft.code, call: draft.call.trim() }, example));
}

function describeFailure(error: unknown): string {
  if (isModelError(error)) return error.message;
  if (error instanceof SettingsError) return error.message;
  return `The prediction failed: ${error instanceof Error ? error.message : String(error)}`;
}

async function stream(sink: PredictionSink, spec: PromptSpec, mode: PromptMode, oneFrame: boolean): Promise<GenerationResult | null> {
  const { settings, apiKey } = usePredictionStore.getState();
  controller?.abort();
  const abort = new AbortController();
  controller = abort;
  try {
    const result = await sendPrompt(endpointOf(settings, apiKey), spec, requestParameters(settings, mode, oneFrame), {
      signal: abort.signal,
      idleTimeoutMs: settings.idleTimeoutSeconds * 1000,
      onText: (delta) => sink.pushText(delta),
      onReasoning: (delta) => sink.pushReasoning(delta),
    });
    return result;
  } catch (error) {
    const cancelled = isModelError(error) && error.kind === 'aborted';
    sink.finish(cancelled ? 'cancelled' : 'failed', cancelled ? null : describeFailure(error));
    if (!cancelled) alert(describeFailure(error));
    return null;
  } finally {
    if (controller === abort) controller = null;
  }
}

/** Predict the whole trace of the current draft with the configured model. */
export async function predict(): Promise<void> {
  const run = await realRun();
  if (!run) return;
  const { settings, promptOverride } = usePredictionStore.getState();
  const mode = settings.promptMode;
  if (!checkMode(mode, run.call)) return;
  let spec: PromptSpec;
  try {
    spec = promptOverride !== null
      ? promptFromText(mode, promptOverride)
      : buildPrompt(mode, run, mode === 'chat' ? await exampleTrace(run.runtime) : '');
    requestParameters(settings, mode);
  } catch (error) {
    alert(describeFailure(error));
    return;
  }
  useAppStore.getState().setAlert(null);
  const sink = startPrediction({ run, format: formatOf(mode), source: 'model', model: settings.model, promptMode: mode });
  const result = await stream(sink, spec, mode, false);
  if (!result) return;
  // Servers leave the stop token out of the text (vLLM without include_stop_str_in_output):
  // a CWM trace that stopped normally ended at <|end_of_text|>.
  if (mode === 'cwm' && result.finishReason === 'stop' && !result.text.includes(CWM.endOfText)) sink.pushText(CWM.endOfText);
  sink.finish('done', null, { tokensPerSecond: result.timing.tokensPerSecond, firstTokenMs: result.timing.timeToFirstTokenMs });
}

export function cancelPrediction(): void {
  controller?.abort();
  controller = null;
}

/**
 * Step-by-step (CWM's "neural debugger"): ask for one more frame after those shown, optionally
 * forcing its kind — e.g. `return` to step over a call and have the model predict its value.
 */
export async function predictNextFrame(force: 'return' | null = null): Promise<void> {
  const run = await realRun();
  if (!run || !checkMode('cwm', run.call)) return;
  const current = usePredictionStore.getState().prediction;
  const soFar = current && current.runId === run.id && current.format === 'cwm' && current.source === 'model' ? current.text : '';
  const forced = force ? KIND_TOKENS[force] : '';
  const { settings } = usePredictionStore.getState();
  const spec: PromptSpec = { kind: 'completion', prompt: buildPromptText(run) + soFar + forced };
  const sink = startPrediction({ run, format: 'cwm', source: 'model', model: settings.model, promptMode: 'cwm', initialText: soFar + forced });
  const result = await stream(sink, spec, 'cwm', true);
  if (!result) return;
  if (result.finishReason === 'stop' && !result.text.endsWith(CWM.frameSep) && !result.text.endsWith(CWM.endOfText)) sink.pushText(CWM.frameSep);
  sink.finish('done', null, { tokensPerSecond: result.timing.tokensPerSecond });
}

function buildPromptText(run: RunView): string {
  const spec = buildPrompt('cwm', run, '');
  return spec.kind === 'completion' ? spec.prompt : '';
}

/** Take a prediction from text (pasted, a file, a link); the format is detected. */
export async function loadPrediction(text: string, source: 'paste' | 'file' | 'link', meta: { model?: string | null; promptMode?: PromptMode | null } = {}): Promise<void> {
  const run = await realRun();
  if (!run) return;
  const format = detectFormat(text);
  const body = predictionBody(text, format, run.call);
  const sink = startPrediction({ run, format, source, model: meta.model ?? null, promptMode: meta.promptMode ?? null });
  // A prediction can be megabytes: read it in slices, letting the page breathe in between.
  for (let at = 0; at < body.length && sink.current; at += LOAD_SLICE) {
    sink.pushText(body.slice(at, at + LOAD_SLICE));
    if (at + LOAD_SLICE < body.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  sink.finish('done');
}

const LOAD_SLICE = 64 * 1024;

const TEACHER_CONCURRENCY = 4;

/**
 * Teacher forcing: for every step, give the model the real trace up to that step and compare its
 * next frame with the real one — accuracy that does not depend on the model's earlier mistakes.
 */
export async function runTeacherForcing(): Promise<void> {
  const run = await realRun();
  if (!run) return;
  const { settings } = usePredictionStore.getState();
  const mode = settings.promptMode;
  if (!checkMode(mode, run.call)) return;
  const format = formatOf(mode);
  const alignment = alignmentFor(run.store, run.call, format);
  let example: string;
  try {
    example = mode === 'chat' ? await exampleTrace(run.runtime) : '';
    requestParameters(settings, mode, true);
  } catch (error) {
    alert(describeFailure(error));
    return;
  }
  controller?.abort();
  const abort = new AbortController();
  controller = abort;
  const results = new Map<number, TeacherResult>();
  const total = alignment.real.length;
  const publish = (patch: Partial<{ running: boolean; error: string | null }> = {}) =>
    usePredictionStore.setState((state) => ({ teacher: { runId: run.id, results, total, running: state.teacher?.running ?? true, error: state.teacher?.error ?? null, ...patch } }));
  publish({ running: true, error: null });
  let next = 0;
  const prefix = (index: number) => {
    const step = alignment.stepOf(index);
    return mode === 'cwm' ? emitCwm(run.store, { from: run.call ? 1 : 0, to: step }) : emitPlainTrace(run.store, { to: step });
  };
  const worker = async () => {
    while (next < total && !abort.signal.aborted) {
      const index = next++;
      const spec = nextFramePrompt(mode, run, example, prefix(index));
      try {
        const { apiKey } = usePredictionStore.getState();
        const result = await sendPrompt(endpointOf(settings, apiKey), spec, requestParameters(settings, mode, true), {
          signal: abort.signal, idleTimeoutMs: settings.idleTimeoutSeconds * 1000,
        });
        const text = mode === 'cwm' && !result.text.endsWith(CWM.frameSep) ? result.text + CWM.frameSep : result.text + '\n';
        const frame = mode === 'cwm' ? readCwmTrace(prefix(index) + text, run.call ? SEEDED_MAIN_CALL : '').frames.at(-1) : traceFramesFromPlain(parsePlainTrace(text).frames)[0];
        results.set(alignment.stepOf(index), frame ? (frame.malformed ? 'malformed' : frameStatus(alignment.real[index], frame, usePredictionStore.getState().compareMode) === 'match' ? 'match' : 'mismatch') : 'malformed');
      } catch (error) {
        if (abort.signal.aborted) return;
        results.set(alignment.stepOf(index), 'error');
        publish({ error: describeFailure(error) });
        if (isModelError(error) && (error.kind === 'unauthorized' || error.kind === 'unreachable' || error.kind === 'not-found' || error.kind === 'invalid-endpoint')) {
          abort.abort();
          return;
        }
      }
      publish();
    }
  };
  await Promise.all(Array.from({ length: TEACHER_CONCURRENCY }, worker));
  if (controller === abort) controller = null;
  publish({ running: false });
}
