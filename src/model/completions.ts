/**
 * `POST {baseUrl}/completions`: raw text completion of a prompt string (CWM native mode).
 */
import type { Endpoint } from './endpoint.ts';
import type { GenerationDelta, GenerationResult } from './generation-output.ts';
import { generationBody, runGeneration, type GenerationApi, type GenerationOptions, type GenerationParameters } from './generation.ts';
import { readShape } from './response-json.ts';
import { completionChunkSchema, completionResponseSchema } from './schemas.ts';

export interface CompletionRequest extends GenerationParameters {
  /** The prompt, special tokens written as their strings (vLLM: with `add_special_tokens: false`). */
  prompt: string;
}

const completionsApi: GenerationApi = {
  path: '/completions',
  splitThinkTags: false,
  readChunk(data: unknown): GenerationDelta {
    const chunk = readShape(completionChunkSchema, data, 'stream chunk');
    const choice = chunk.choices?.find((candidate) => (candidate.index ?? 0) === 0);
    return { text: choice?.text ?? '', reasoning: '', finishReason: choice?.finish_reason ?? null, usage: chunk.usage ?? null };
  },
  readAnswer(data: unknown): GenerationDelta {
    const answer = readShape(completionResponseSchema, data, 'response');
    const choice = answer.choices.find((candidate) => (candidate.index ?? 0) === 0) ?? answer.choices[0];
    return { text: choice.text ?? '', reasoning: '', finishReason: choice.finish_reason ?? null, usage: answer.usage ?? null };
  },
};

/**
 * Streams a completion. `onText` receives each new piece of text; the result holds the whole text,
 * finish reason, usage (if the server reports it) and timing. Throws `ModelError`; its
 * `partialText` holds what arrived before the failure.
 */
export async function streamCompletion(endpoint: Endpoint, request: CompletionRequest, options: GenerationOptions = {}): Promise<GenerationResult> {
  const body = generationBody(endpoint, { prompt: request.prompt }, request);
  return runGeneration(endpoint, body, completionsApi, options);
}
