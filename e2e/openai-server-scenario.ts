/**
 * What the local OpenAI-compatible test server does for one generation request: the text to
 * send, how (chunk size, delay, streamed or not) and which fault to inject. A scenario comes from
 * the control API (in-process tests) or from the model name (browser tests, which control only
 * the request): `test-model+cut-after-3+delay-20`.
 */

export type Fault =
  /** Answer with this HTTP status and an OpenAI-style error body (429: with Retry-After). */
  | { kind: 'status'; status: number; message?: string; retryAfterSeconds?: number; retryAfterMs?: number }
  /** Send the headers, then nothing, ever (the client's response timeout fires). */
  | { kind: 'hang' }
  /** Destroy the connection after this many chunks. */
  | { kind: 'cut'; afterChunks: number }
  /** Send a chunk that is not JSON after this many chunks, then go on normally. */
  | { kind: 'malformed'; afterChunks: number }
  /** Stop sending after this many chunks without closing the connection. */
  | { kind: 'stall'; afterChunks: number }
  /** Send `data: {"error": …}` after this many chunks and end the response (as vLLM does). */
  | { kind: 'stream-error'; afterChunks: number; message?: string }
  /** Send every chunk, then end the response with no finish reason and no `data: [DONE]`. */
  | { kind: 'no-done' };

export interface Scenario {
  /** The answer text (default: a fixture replay when the prompt is a CWM fixture prompt, else a fixed sentence). */
  text?: string;
  /** Reasoning sent before the text (chat only). */
  reasoning?: string;
  /** How the reasoning travels: a delta field, or `<think>…</think>` inside the content (default `reasoning_content`). */
  reasoningAs?: 'reasoning_content' | 'reasoning' | 'think-tags';
  /** Characters (code points) per chunk (default 8). */
  chunkSize?: number;
  /** Milliseconds between chunks (default 0). */
  delayMs?: number;
  /** Answer with one JSON body even when the request asks for `stream: true`. */
  ignoreStream?: boolean;
  /** Default `stop` (or what the request's stop sequences give). */
  finishReason?: string;
  fault?: Fault;
}

export const DEFAULT_TEXT = 'Hello from the local test server.';
export const DEFAULT_REASONING = 'The user wants a greeting, so I will greet them.';

interface ModelScenario {
  /** The model name before the first `+` (may itself be a scenario word). */
  base: string;
  scenario: Scenario;
  /** Every `+`-separated word was understood (the base may be a listed model instead). */
  understood: boolean;
  baseIsScenario: boolean;
}

const STATUS_FAULT = /^fault-(\d{3})$/;
const COUNTED = /^(cut|malformed|stall|error)-after-(\d+)$/;
const NUMBER_WORD = /^(delay|chunk|retry-after|retry-after-ms)-(\d+)$/;

/**
 * Model-name words: `fault-401|403|404|429|500|503…`, `retry-after-N` (seconds), `retry-after-ms-N`,
 * `cut-after-N`, `malformed-after-N`, `stall-after-N`, `error-after-N`, `no-done`, `hang`,
 * `no-stream`, `delay-N` (ms), `chunk-N` (characters), `reasoning`, `reasoning-field`
 * (the `reasoning` delta field), `think` (`<think>` tags in the content).
 */
export function scenarioFromModel(model: string): ModelScenario {
  const [base = '', ...rest] = model.split('+');
  const scenario: Scenario = {};
  const baseIsScenario = applyWord(scenario, base);
  const understood = rest.every((word) => applyWord(scenario, word));
  return { base, scenario, understood, baseIsScenario };
}

function applyWord(scenario: Scenario, word: string): boolean {
  const status = STATUS_FAULT.exec(word);
  if (status) {
    const previous = scenario.fault?.kind === 'status' ? scenario.fault : {};
    scenario.fault = { ...previous, kind: 'status', status: Number(status[1]) };
    return true;
  }
  const counted = COUNTED.exec(word);
  if (counted) {
    const afterChunks = Number(counted[2]);
    const kind = counted[1] === 'error' ? 'stream-error' : (counted[1] as 'cut' | 'malformed' | 'stall');
    scenario.fault = { kind, afterChunks };
    return true;
  }
  const numbered = NUMBER_WORD.exec(word);
  if (numbered) {
    const value = Number(numbered[2]);
    if (numbered[1] === 'delay') scenario.delayMs = value;
    else if (numbered[1] === 'chunk') scenario.chunkSize = Math.max(1, value);
    else if (scenario.fault?.kind === 'status') {
      if (numbered[1] === 'retry-after') scenario.fault.retryAfterSeconds = value;
      else scenario.fault.retryAfterMs = value;
    } else return false;
    return true;
  }
  switch (word) {
    case 'no-done':
      scenario.fault = { kind: 'no-done' };
      return true;
    case 'hang':
      scenario.fault = { kind: 'hang' };
      return true;
    case 'no-stream':
      scenario.ignoreStream = true;
      return true;
    case 'reasoning':
      scenario.reasoning ??= DEFAULT_REASONING;
      return true;
    case 'reasoning-field':
      scenario.reasoning ??= DEFAULT_REASONING;
      scenario.reasoningAs = 'reasoning';
      return true;
    case 'think':
      scenario.reasoning ??= DEFAULT_REASONING;
      scenario.reasoningAs = 'think-tags';
      return true;
    default:
      return false;
  }
}
