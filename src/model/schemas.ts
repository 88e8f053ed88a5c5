/**
 * The response shapes the client reads, as zod schemas: lenient about what servers add or leave
 * out (extra fields are ignored; optional fields may be absent or null), strict about the types of
 * what it uses.
 */
import { z } from 'zod';

const optionalText = z.string().nullish();
const finishReason = z.string().nullish();

export const usageSchema = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    total_tokens: z.number().nullish(),
  })
  .nullish();

export const modelListSchema = z.object({
  data: z.array(z.object({ id: z.string() })),
});

export const completionChunkSchema = z.object({
  choices: z.array(z.object({ index: z.number().nullish(), text: optionalText, finish_reason: finishReason })).nullish(),
  usage: usageSchema,
});

const chatDelta = z.object({
  content: optionalText,
  reasoning_content: optionalText,
  reasoning: optionalText,
});

export const chatChunkSchema = z.object({
  choices: z.array(z.object({ index: z.number().nullish(), delta: chatDelta.nullish(), finish_reason: finishReason })).nullish(),
  usage: usageSchema,
});

export const completionResponseSchema = z.object({
  choices: z.array(z.object({ index: z.number().nullish(), text: optionalText, finish_reason: finishReason })).min(1),
  usage: usageSchema,
});

export const chatResponseSchema = z.object({
  choices: z.array(z.object({ index: z.number().nullish(), message: chatDelta, finish_reason: finishReason })).min(1),
  usage: usageSchema,
});

/**
 * Error bodies as servers write them: OpenAI/vLLM/llama.cpp `{error: {message}}`, Ollama
 * `{error: "…"}`, older vLLM `{object: "error", message}`, FastAPI `{detail: "…"}`.
 */
export const errorBodySchema = z.union([
  z.object({ error: z.object({ message: z.string() }) }),
  z.object({ error: z.string() }),
  z.object({ message: z.string() }),
  z.object({ detail: z.string() }),
]);

/** A chunk that is an error report instead of a generation (vLLM, llama.cpp do this mid-stream). */
export const streamErrorSchema = z.object({
  error: z.union([z.string(), z.object({ message: z.string().nullish(), code: z.union([z.number(), z.string()]).nullish() })]),
});

export type Usage = NonNullable<z.infer<typeof usageSchema>>;
