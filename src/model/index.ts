/**
 * The OpenAI-compatible model client (docs/model-endpoints.md): pure TypeScript over global
 * fetch, for the browser and for Node 20.
 */
export { streamChat, type ChatMessage, type ChatRequest } from './chat.ts';
export { streamCompletion, type CompletionRequest } from './completions.ts';
export { apiUrl, normalizeBaseUrl, type Endpoint } from './endpoint.ts';
export { isModelError, MODEL_ERROR_KINDS, ModelError, type ModelErrorKind, type PartialOutput } from './errors.ts';
export type { GenerationTiming } from './generation-clock.ts';
export type { GenerationCallbacks, GenerationResult } from './generation-output.ts';
export type { GenerationOptions, GenerationParameters } from './generation.ts';
export { DEFAULT_LIST_TIMEOUT_MS, listModels } from './list-models.ts';
export {
  ENDPOINT_PRESETS,
  presetById,
  presetForBaseUrl,
  VLLM_CWM_EXTRA_BODY,
  VLLM_CWM_ONE_FRAME_EXTRA_BODY,
  type EndpointPreset,
  type PresetId,
} from './presets.ts';
export { DEFAULT_RETRY_ON, retryDelayMs, withRetries, type RetryOptions } from './retry.ts';
export type { Usage } from './schemas.ts';
export { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_RESPONSE_TIMEOUT_MS, type RequestOptions } from './send-request.ts';
export { ThinkTagSplitter, type SplitPiece } from './think-splitter.ts';
