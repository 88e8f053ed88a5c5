/**
 * The answer the test server gives one generation request, decided before anything is sent:
 * text and reasoning cut into chunks, finish reason, usage. Stop sequences are honored like vLLM
 * does: `stop` strings and `stop_token_ids` (CWM's token ids stand for their strings) end the
 * text there, leaving the stop string out unless `include_stop_str_in_output` is true.
 */
import { CWM, CWM_TOKEN_IDS } from '../src/trace/cwm/tokens.ts';
import type { FixtureReplay } from './openai-server-replay.ts';
import { DEFAULT_TEXT, type Scenario } from './openai-server-scenario.ts';

export type GenerationApiKind = 'completions' | 'chat';

export interface GenerationRequestBody {
  model?: unknown;
  prompt?: unknown;
  messages?: unknown;
  stop?: unknown;
  stop_token_ids?: unknown;
  include_stop_str_in_output?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
}

export interface ResponsePlan {
  api: GenerationApiKind;
  model: string;
  /** Reasoning chunks, sent first in a delta field (chat). */
  reasoningChunks: string[];
  reasoningField: 'reasoning_content' | 'reasoning';
  /** Content chunks (with `<think>` tags inside when the scenario asks for them). */
  contentChunks: string[];
  finishReason: string;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  /** Send a last chunk with usage (`stream_options.include_usage`). */
  usageChunk: boolean;
  /** Whether to answer as an event stream. */
  stream: boolean;
  /** Which fixture item is replayed, if any. */
  replayedItem: string | null;
}

const TOKEN_STRINGS = new Map<number, string>(
  Object.entries(CWM_TOKEN_IDS).map(([name, id]) => [id, CWM[name as keyof typeof CWM]]),
);

export function planResponse(api: GenerationApiKind, body: GenerationRequestBody, scenario: Scenario, replay: FixtureReplay): ResponsePlan {
  const prompt = typeof body.prompt === 'string' ? body.prompt : '';
  const replayed = scenario.text === undefined && api === 'completions' ? replay.continuation(prompt) : null;
  const stopped = applyStops(scenario.text ?? replayed?.text ?? DEFAULT_TEXT, stopStrings(body), body.include_stop_str_in_output === true);
  const reasoning = api === 'chat' ? (scenario.reasoning ?? '') : '';
  const chunkSize = scenario.chunkSize ?? 8;
  const asTags = scenario.reasoningAs === 'think-tags';
  const content = asTags && reasoning ? `<think>${reasoning}</think>${stopped.text}` : stopped.text;
  const reasoningChunks = asTags ? [] : chunk(reasoning, chunkSize);
  const contentChunks = chunk(content, chunkSize);
  const promptTokens = Math.ceil((prompt || JSON.stringify(body.messages ?? '')).length / 4);
  const completionTokens = reasoningChunks.length + contentChunks.length;
  return {
    api,
    model: typeof body.model === 'string' ? body.model : '',
    reasoningChunks,
    reasoningField: scenario.reasoningAs === 'reasoning' ? 'reasoning' : 'reasoning_content',
    contentChunks,
    finishReason: stopped.hit ? 'stop' : (scenario.finishReason ?? 'stop'),
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    usageChunk: body.stream_options?.include_usage === true,
    stream: body.stream === true && !scenario.ignoreStream,
    replayedItem: replayed?.id ?? null,
  };
}

function stopStrings(body: GenerationRequestBody): string[] {
  const stops: string[] = [];
  if (typeof body.stop === 'string') stops.push(body.stop);
  else if (Array.isArray(body.stop)) stops.push(...body.stop.filter((stop): stop is string => typeof stop === 'string'));
  if (Array.isArray(body.stop_token_ids)) {
    for (const id of body.stop_token_ids) {
      const text = TOKEN_STRINGS.get(id as number);
      if (text) stops.push(text);
    }
  }
  return stops.filter(Boolean);
}

function applyStops(text: string, stops: string[], includeStop: boolean): { text: string; hit: boolean } {
  let earliest: { at: number; stop: string } | null = null;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && (earliest === null || at < earliest.at)) earliest = { at, stop };
  }
  if (!earliest) return { text, hit: false };
  return { text: text.slice(0, earliest.at) + (includeStop ? earliest.stop : ''), hit: true };
}

/** `text` in pieces of `size` code points (a surrogate pair is never split). */
export function chunk(text: string, size: number): string[] {
  const points = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < points.length; start += size) pieces.push(points.slice(start, start + size).join(''));
  return pieces;
}
