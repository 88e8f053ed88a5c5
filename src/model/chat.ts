/**
 * `POST {baseUrl}/chat/completions`: chat models. Reasoning is reported apart from the answer,
 * whether it arrives as `reasoning_content` / `reasoning` fields or as `<think>…</think>` in the
 * content.
 */
import type { Endpoint } from './endpoint.ts';
import type { GenerationDelta, GenerationResult } from './generation-output.ts';
import { generationBody, runGeneration, type GenerationApi, type GenerationOptions, type GenerationParameters } from './generation.ts';
import { readShape } from './response-json.ts';
import { chatChunkSchema, chatResponseSchema } from './schemas.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest extends GenerationParameters {
  messages: ChatMessage[];
}

interface ChatContent {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
}

function delta(message: ChatContent | null | undefined, finishReason: string | null | undefined, usage: GenerationDelta['usage'] | undefined): GenerationDelta {
  return {
    text: message?.content ?? '',
    // Servers that send both fields send the same text in each.
    reasoning: message?.reasoning_content ?? message?.reasoning ?? '',
    finishReason: finishReason ?? null,
    usage: usage ?? null,
  };
}

const chatApi: GenerationApi = {
  path: '/chat/completions',
  splitThinkTags: true,
  readChunk(data: unknown): GenerationDelta {
    const chunk = readShape(chatChunkSchema, data, 'stream chunk');
    const choice = chunk.choices?.find((candidate) => (candidate.index ?? 0) === 0);
    return delta(choice?.delta, choice?.finish_reason, chunk.usage);
  },
  readAnswer(data: unknown): GenerationDelta {
    const answer = readShape(chatResponseSchema, data, 'response');
    const choice = answer.choices.find((candidate) => (candidate.index ?? 0) === 0) ?? answer.choices[0];
    return delta(choice.message, choice.finish_reason, answer.usage);
  },
};

/**
 * Streams a chat completion. `onText` receives each new piece of the answer, `onReasoning` each new
 * piece of reasoning. Throws `ModelError`; `partialText`/`partialReasoning` hold what arrived.
 */
export async function streamChat(endpoint: Endpoint, request: ChatRequest, options: GenerationOptions = {}): Promise<GenerationResult> {
  const body = generationBody(endpoint, { messages: request.messages }, request);
  return runGeneration(endpoint, body, chatApi, options);
}
