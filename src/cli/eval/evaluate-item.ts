/**
 * One suite item from start to result line: its real trace, its prediction, the score, the link.
 * Failures of the item become its `error`; only an unusable endpoint (EndpointFailure) is thrown.
 */
import { divergenceText } from '../../compare/describe-divergence.ts';
import { predictionBody, predictionReader, scorePrediction, type PredictionTextFormat, type TraceFrame } from '../../compare/index.ts';
import type { RuntimeId } from '../../engine/runtimes.ts';
import { messageOf } from '../errors.ts';
import type { SuiteItem } from '../suite-item.ts';
import type { GroundTruth, GroundTruthTracer } from './ground-truth.ts';
import { itemLink } from './item-link.ts';
import { EndpointFailure, type Prediction, type PredictionSource } from './prediction.ts';
import type { ResultLine } from './result-line.ts';
import type { SuiteEntry } from './suite-reader.ts';

export interface EvalContext {
  tracer: GroundTruthTracer;
  source: PredictionSource;
  runtime: RuntimeId;
  maxSteps: number;
  appUrl: string;
  signal: AbortSignal;
}

const UNSCORED = {
  output_correct: null, expected_output: null, predicted_output: null, first_divergence: null, first_divergence_step: null,
  first_divergence_field: null, divergence: null, divergence_text: null, valid_trace_format: null, state_exact_match: null,
  action_exact_match: null, valid_json_format: null, key_match: null, key_value_match: null, resolved: null,
  real_frames: null, predicted_frames: null,
} as const;

function predictedFrames(prediction: Extract<Prediction, { ok: true }>, call: string): TraceFrame[] {
  const reader = predictionReader(prediction.format, call);
  return [...reader.push(predictionBody(prediction.text, prediction.format, call)), ...reader.end()];
}

/** The request's finish reason and retries, when there was a request. */
function requestFields(prediction: Prediction | null): Pick<ResultLine, 'finish_reason' | 'retries'> {
  const fields: Pick<ResultLine, 'finish_reason' | 'retries'> = {};
  if (prediction?.ok && prediction.finishReason !== null) fields.finish_reason = prediction.finishReason;
  if (prediction?.retries) fields.retries = prediction.retries;
  return fields;
}

/** The prediction text to show: a whole one, or what arrived before a failure (null: nothing). */
function shownPrediction(prediction: Prediction | null): { text: string; format: PredictionTextFormat } | null {
  return prediction && (prediction.ok || prediction.text) ? { text: prediction.text, format: prediction.format } : null;
}

function withLink(line: ResultLine, item: SuiteItem, step: number, prediction: Prediction | null, context: EvalContext): ResultLine {
  const shared = shownPrediction(prediction);
  const { link, note } = itemLink({ item, runtime: context.runtime, maxSteps: context.maxSteps, step, prediction: shared, source: context.source.label }, context.appUrl);
  return { ...line, link, ...(note ? { link_note: note } : {}) };
}

function errorLine(entry: SuiteEntry, error: string, context: EvalContext, prediction: Prediction | null = null): ResultLine {
  const { mode, model } = context.source.label;
  const base: ResultLine = {
    id: entry.ok ? entry.item.id : entry.id,
    ...(entry.ok ? {} : { line: entry.lineNumber }),
    call: entry.ok ? entry.item.call : null, runtime: context.runtime, mode, model,
    format: shownPrediction(prediction)?.format ?? null, error, ...UNSCORED, ...requestFields(prediction), link: null,
  };
  return entry.ok ? withLink(base, entry.item, 0, prediction, context) : base;
}

function scoredLine(entry: Extract<SuiteEntry, { ok: true }>, truth: GroundTruth, prediction: Extract<Prediction, { ok: true }>, context: EvalContext): ResultLine {
  const { item } = entry;
  const frames = predictedFrames(prediction, item.call);
  const expected = entry.expected ?? truth.output;
  const score = scorePrediction({ alignment: truth, format: prediction.format, frames, expected });
  const divergence = score.divergence;
  const step = divergence ? truth.stepOf(divergence.index) : 0;
  const { mode, model } = context.source.label;
  const line: ResultLine = {
    id: item.id, call: item.call, runtime: context.runtime, mode, model, format: prediction.format, error: null,
    output_correct: score.output_correct,
    expected_output: expected,
    predicted_output: score.predicted_output,
    first_divergence: score.first_divergence,
    first_divergence_step: divergence ? step : null,
    first_divergence_field: score.first_divergence_field,
    divergence,
    divergence_text: divergence ? divergenceText(divergence, step) : null,
    valid_trace_format: score.valid_trace_format, state_exact_match: score.state_exact_match, action_exact_match: score.action_exact_match,
    valid_json_format: score.valid_json_format, key_match: score.key_match, key_value_match: score.key_value_match,
    resolved: score.resolved,
    real_frames: truth.real.length, predicted_frames: frames.length,
    ...requestFields(prediction), link: null,
  };
  return withLink(line, item, step, prediction, context);
}

/** The result line of one suite entry. Throws only EndpointFailure (the run must stop). */
export async function evaluateEntry(entry: SuiteEntry, context: EvalContext): Promise<ResultLine> {
  try {
    return await evaluate(entry, context);
  } catch (error) {
    if (error instanceof EndpointFailure) throw error;
    return errorLine(entry, `internal error: ${messageOf(error).split('\n')[0]}`, context);
  }
}

async function evaluate(entry: SuiteEntry, context: EvalContext): Promise<ResultLine> {
  if (!entry.ok) return errorLine(entry, entry.error, context);
  const { source, tracer } = context;
  let prediction: Prediction | null = null;
  if (source.format === null) {
    prediction = await source.predict(entry, context.signal);
    if (!prediction.ok) return errorLine(entry, prediction.error, context, prediction);
  }
  const traced = await tracer.trace(entry.item, source.format ?? prediction!.format);
  if (!traced.ok) return errorLine(entry, traced.error, context, prediction);
  prediction ??= await source.predict(entry, context.signal);
  if (!prediction.ok) return errorLine(entry, prediction.error, context, prediction);
  return scoredLine(entry, traced.truth, prediction, context);
}
