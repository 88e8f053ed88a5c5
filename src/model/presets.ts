/**
 * Common OpenAI-compatible servers, as data: where they listen by default and which extra body
 * fields each prompt mode needs there (docs/model-endpoints.md, "Presets").
 */
import { CWM, CWM_TOKEN_IDS } from '../trace/cwm/tokens.ts';
import { normalizeBaseUrl } from './endpoint.ts';

export type PresetId = 'vllm' | 'sglang' | 'llama-cpp' | 'ollama' | 'lm-studio' | 'openai';

export interface EndpointPreset {
  id: PresetId;
  label: string;
  baseUrl: string;
  /** The server normally requires a key. */
  requiresApiKey: boolean;
  /** Extra body fields for CWM native mode (`/completions`, special tokens as text), whole-trace stop. */
  cwmCompletionsExtraBody: Record<string, unknown>;
  /**
   * Stop strings for CWM native mode, for servers without `stop_token_ids` (sent as `stop`).
   * Empty when the server stops by token id.
   */
  cwmStop: string[];
  /** Extra body fields for chat mode. */
  chatExtraBody: Record<string, unknown>;
  /** How to let the playground's page call this server from the browser (CORS). */
  corsHint: string;
}

/**
 * vLLM: keep the special tokens in the text, do not add a second `<|begin_of_text|>`, stop at
 * `<|end_of_text|>`, and report usage in the stream (docs: ../shared/docs/cwm-trace-format.md).
 */
export const VLLM_CWM_EXTRA_BODY: Readonly<Record<string, unknown>> = {
  skip_special_tokens: false,
  spaces_between_special_tokens: false,
  add_special_tokens: false,
  stop_token_ids: [CWM_TOKEN_IDS.endOfText],
  include_stop_str_in_output: false,
};

/** vLLM's body for one frame at a time (a step of the "neural debugger"): stop at the frame separator too. */
export const VLLM_CWM_ONE_FRAME_EXTRA_BODY: Readonly<Record<string, unknown>> = {
  ...VLLM_CWM_EXTRA_BODY,
  stop_token_ids: [CWM_TOKEN_IDS.endOfText, CWM_TOKEN_IDS.frameSep],
};

const STREAM_USAGE = { stream_options: { include_usage: true } };

export const ENDPOINT_PRESETS: readonly EndpointPreset[] = [
  {
    id: 'vllm',
    label: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    requiresApiKey: false,
    cwmCompletionsExtraBody: { ...VLLM_CWM_EXTRA_BODY, ...STREAM_USAGE },
    cwmStop: [],
    chatExtraBody: { ...STREAM_USAGE },
    corsHint: 'allows every origin by default; to restrict: vllm serve MODEL --allowed-origins \'["https://your.host"]\'',
  },
  {
    id: 'sglang',
    label: 'SGLang',
    baseUrl: 'http://localhost:30000/v1',
    requiresApiKey: false,
    cwmCompletionsExtraBody: {
      skip_special_tokens: false,
      spaces_between_special_tokens: false,
      stop_token_ids: [CWM_TOKEN_IDS.endOfText],
      ...STREAM_USAGE,
    },
    cwmStop: [],
    chatExtraBody: { ...STREAM_USAGE },
    corsHint: 'allows every origin by default',
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server',
    baseUrl: 'http://localhost:8080/v1',
    requiresApiKey: false,
    cwmCompletionsExtraBody: {},
    cwmStop: [CWM.endOfText],
    chatExtraBody: {},
    corsHint: 'allows every origin by default',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    requiresApiKey: false,
    cwmCompletionsExtraBody: {},
    cwmStop: [CWM.endOfText],
    chatExtraBody: {},
    corsHint: 'allows pages on localhost by default; from another host: OLLAMA_ORIGINS=https://your.host ollama serve',
  },
  {
    id: 'lm-studio',
    label: 'LM Studio',
    baseUrl: 'http://localhost:1234/v1',
    requiresApiKey: false,
    cwmCompletionsExtraBody: {},
    cwmStop: [CWM.endOfText],
    chatExtraBody: {},
    corsHint: 'turn on "Enable CORS" in the server settings, or start it with: lms server start --cors',
  },
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    requiresApiKey: true,
    cwmCompletionsExtraBody: {},
    cwmStop: [],
    chatExtraBody: { ...STREAM_USAGE },
    corsHint: 'accepts requests from any page',
  },
];

export function presetById(id: PresetId): EndpointPreset {
  const preset = ENDPOINT_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`unknown endpoint preset ${id}`);
  return preset;
}

/** The preset whose base URL this is (after normalization), if any. */
export function presetForBaseUrl(baseUrl: string): EndpointPreset | undefined {
  let wanted: string;
  try {
    wanted = normalizeBaseUrl(baseUrl);
  } catch {
    return undefined;
  }
  return ENDPOINT_PRESETS.find((preset) => preset.baseUrl === wanted);
}
