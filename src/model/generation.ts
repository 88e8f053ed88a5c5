/**
 * One generation request, shared by completions and chat: POST the body, then read either the
 * event stream or (from a server that ignores `stream: true`) one JSON body. Every failure is a
 * `ModelError` carrying the text and reasoning that arrived before it.
 */
import { openResponseBody } from './body-format.ts';
import { connectionCut, readErrorBody } from './body-reader.ts';
import { apiUrl, requireModel, type Endpoint } from './endpoint.ts';
import { ModelError } from './errors.ts';
import { GenerationOutput, type GenerationCallbacks, type GenerationDelta, type GenerationResult } from './generation-output.ts';
import { errorFromResponse } from './http-errors.ts';
import { RequestLifetime } from './request-lifetime.ts';
import { errorReport, parseJson, reportedError } from './response-json.ts';
import { DEFAULT_IDLE_TIMEOUT_MS, sendRequest, type RequestOptions } from './send-request.ts';
import { sseMessages } from './sse-messages.ts';

export interface GenerationOptions extends RequestOptions, GenerationCallbacks {}

/** What differs between `/completions` and `/chat/completions`. */
export interface GenerationApi {
  path: string;
  /** Split `<think>…</think>` out of the text into the reasoning. */
  splitThinkTags: boolean;
  /** One parsed stream chunk → what it adds (throws `bad-response` for a wrong shape). */
  readChunk(data: unknown): GenerationDelta;
  /** A whole non-streamed answer → its content. */
  readAnswer(data: unknown): GenerationDelta;
}

/** Fields every generation request sends; `extraBody` is merged over them last. */
export interface GenerationParameters {
  maxTokens?: number;
  temperature?: number;
  /** Stop strings; omitted from the body when empty. */
  stop?: string[];
  /** Server-specific fields (e.g. vLLM's `skip_special_tokens`), merged shallowly over the body; they win. */
  extraBody?: Record<string, unknown>;
}

/** The JSON body: model, the API's own fields, max_tokens/temperature/stop when set, `stream: true`, then extraBody. */
export function generationBody(endpoint: Endpoint, fields: Record<string, unknown>, parameters: GenerationParameters): Record<string, unknown> {
  const body: Record<string, unknown> = { model: requireModel(endpoint), ...fields };
  if (parameters.maxTokens !== undefined) body.max_tokens = parameters.maxTokens;
  if (parameters.temperature !== undefined) body.temperature = parameters.temperature;
  if (parameters.stop && parameters.stop.length > 0) body.stop = parameters.stop;
  body.stream = true;
  return { ...body, ...parameters.extraBody };
}

export async function runGeneration(endpoint: Endpoint, body: Record<string, unknown>, api: GenerationApi, options: GenerationOptions): Promise<GenerationResult> {
  const url = apiUrl(endpoint.baseUrl, api.path);
  const apiKey = endpoint.apiKey;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const lifetime = new RequestLifetime(url, options.signal);
  const output = new GenerationOutput(options, api.splitThinkTags);
  try {
    const response = await sendRequest({ method: 'POST', url, apiKey, body }, lifetime, options);
    if (!response.ok) {
      const bodyText = await readErrorBody(response, lifetime, idleTimeoutMs, url);
      throw errorFromResponse({ status: response.status, headers: response.headers, bodyText, url, apiKey });
    }
    const responseBody = await openResponseBody(response, lifetime, idleTimeoutMs, url);
    if (responseBody.format === 'json') {
      await readAnswer(responseBody.pieces, api, output, apiKey);
      return output.result(false);
    }
    await readEventStream(responseBody.pieces, api, output, lifetime, apiKey);
    return output.result(true);
  } catch (error) {
    if (error instanceof ModelError) throw error.withPartial(output.partial());
    throw error;
  } finally {
    lifetime.dispose();
  }
}

async function readEventStream(
  pieces: AsyncIterable<string>,
  api: GenerationApi,
  output: GenerationOutput,
  lifetime: RequestLifetime,
  apiKey: string | undefined,
): Promise<void> {
  let sawDone = false;
  try {
    for await (const message of sseMessages(pieces)) {
      // Events already received when the caller cancels are not reported any more.
      const interruption = lifetime.interruption();
      if (interruption) throw interruption;
      if (message.event === 'error') throw errorReport(message.data, apiKey);
      const data = message.data.trim();
      if (data === '[DONE]') {
        sawDone = true;
        break;
      }
      if (!data) continue;
      const chunk = parseJson(data, 'stream chunk', apiKey);
      const reported = reportedError(chunk, apiKey);
      if (reported) throw reported;
      output.add(api.readChunk(chunk));
    }
  } catch (error) {
    // A connection lost after the finish reason lost nothing of the generation.
    if (!(error instanceof ModelError && error.kind === 'cut' && output.finished)) throw error;
  }
  output.finish();
  if (!sawDone && !output.finished) throw connectionCut(lifetime.url);
}

async function readAnswer(pieces: AsyncIterable<string>, api: GenerationApi, output: GenerationOutput, apiKey: string | undefined): Promise<void> {
  let text = '';
  for await (const piece of pieces) text += piece;
  const answer = parseJson(text, 'response', apiKey);
  const reported = reportedError(answer, apiKey);
  if (reported) throw reported;
  output.add(api.readAnswer(answer));
  output.finish();
}
