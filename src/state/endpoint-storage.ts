/**
 * Endpoint settings in local storage (versioned). The API key is written only when the user ticked
 * "remember on this device"; unticking removes it.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS, usePredictionStore, type EndpointSettings } from './prediction-store.ts';

const KEY = 'pytrace:endpoint';

const storedSchema = z.object({
  version: z.literal(1),
  settings: z.object({
    presetId: z.enum(['vllm', 'sglang', 'llama-cpp', 'ollama', 'lm-studio', 'openai', 'custom']),
    baseUrl: z.string().max(2000),
    model: z.string().max(500),
    temperature: z.number().min(0).max(10),
    maxTokens: z.number().int().min(1).max(10_000_000),
    stop: z.string().max(10_000),
    extraBody: z.string().max(100_000),
    promptMode: z.enum(['cwm', 'chat']),
    rememberKey: z.boolean(),
    idleTimeoutSeconds: z.number().min(1).max(3600).default(60),
  }),
  apiKey: z.string().max(10_000).optional(),
});

export function loadEndpoint(storage: Pick<Storage, 'getItem'>): { settings: EndpointSettings; apiKey: string } {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    if (parsed.success) return { settings: parsed.data.settings, apiKey: parsed.data.settings.rememberKey ? (parsed.data.apiKey ?? '') : '' };
  } catch {
    // unreadable: defaults
  }
  return { settings: DEFAULT_SETTINGS, apiKey: '' };
}

export function saveEndpoint(storage: Pick<Storage, 'setItem'>, settings: EndpointSettings, apiKey: string): void {
  const stored = { version: 1, settings, ...(settings.rememberKey && apiKey ? { apiKey } : {}) };
  try {
    storage.setItem(KEY, JSON.stringify(stored));
  } catch {
    // storage full or disabled: settings stay in memory
  }
}

/** Load, then save on every change. */
export function persistEndpoint(storage: Storage): () => void {
  usePredictionStore.setState(loadEndpoint(storage));
  return usePredictionStore.subscribe((state, previous) => {
    if (state.settings !== previous.settings || state.apiKey !== previous.apiKey) saveEndpoint(storage, state.settings, state.apiKey);
  });
}
