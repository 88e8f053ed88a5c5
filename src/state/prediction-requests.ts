/**
 * What to send for a prediction: the prompt (CWM native or chat), the request parameters from the
 * endpoint settings, and how to run it. Pure apart from `exampleTrace`, which the caller gets
 * from the engine.
 */
import type { ChatMessage } from '../model/chat.ts';
import { presetById, streamChat, streamCompletion, type Endpoint, type GenerationOptions, type GenerationResult } from '../model/index.ts';
import { chatMessages, chatNextStepMessages } from '../model/prompts/chat.ts';
import { VLLM_CWM_ONE_FRAME_EXTRA_BODY } from '../model/presets.ts';
import { cwmPrompt } from '../trace/cwm/prompt.ts';
import { CWM } from '../trace/cwm/tokens.ts';
import type { EndpointSettings, PromptMode } from './prediction-store.ts';

export type PromptSpec = { kind: 'completion'; prompt: string } | { kind: 'chat'; messages: ChatMessage[] };

export interface Program {
  code: string;
  call: string;
}

export function buildPrompt(mode: PromptMode, program: Program, exampleTrace: string): PromptSpec {
  if (mode === 'cwm') return { kind: 'completion', prompt: cwmPrompt(program.code, program.call) };
  return { kind: 'chat', messages: chatMessages({ code: program.code, call: program.call || null, exampleTrace }) };
}

/** The prompt as editable text: CWM's raw prompt, or chat messages under `[role]` headings. */
export function promptToText(spec: PromptSpec): string {
  if (spec.kind === 'completion') return spec.prompt;
  return spec.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n');
}

/** Read edited prompt text back (for chat, `[system]`/`[user]`/`[assistant]` headings start messages). */
export function promptFromText(mode: PromptMode, text: string): PromptSpec {
  if (mode === 'cwm') return { kind: 'completion', prompt: text };
  const messages: ChatMessage[] = [];
  const parts = text.split(/^\[(system|user|assistant)\]\n/m);
  for (let i = 1; i < parts.length; i += 2) {
    messages.push({ role: parts[i] as ChatMessage['role'], content: parts[i + 1].replace(/\n+$/, '') });
  }
  if (messages.length === 0) messages.push({ role: 'user', content: text });
  return { kind: 'chat', messages };
}

export class SettingsError extends Error {}

function parseExtraBody(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SettingsError('Extra body fields are not valid JSON: write an object such as {"top_p": 0.9}.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SettingsError('Extra body fields must be a JSON object, e.g. {"top_p": 0.9}.');
  return value as Record<string, unknown>;
}

export interface RequestParameters {
  maxTokens: number;
  temperature: number;
  stop: string[];
  extraBody: Record<string, unknown>;
}

/** Request parameters for a mode: the preset's options for it, then the user's (which win). */
export function requestParameters(settings: EndpointSettings, mode: PromptMode, oneFrame = false): RequestParameters {
  const preset = settings.presetId === 'custom' ? null : presetById(settings.presetId);
  const userStop = settings.stop.split('\n').map((s) => s.replace(/\\n/g, '\n')).filter((s) => s.length > 0);
  const presetStop = mode === 'cwm' ? (preset?.cwmStop ?? []) : [];
  const oneFrameStop = oneFrame && mode === 'cwm' && !(preset?.id === 'vllm' || preset?.id === 'sglang') ? [CWM.frameSep] : [];
  const presetBody = mode === 'cwm' ? (preset?.cwmCompletionsExtraBody ?? {}) : (preset?.chatExtraBody ?? {});
  const oneFrameBody = oneFrame && mode === 'cwm' && preset?.id === 'vllm' ? VLLM_CWM_ONE_FRAME_EXTRA_BODY : {};
  return {
    maxTokens: oneFrame ? Math.min(settings.maxTokens, 2048) : settings.maxTokens,
    temperature: settings.temperature,
    stop: [...new Set([...presetStop, ...oneFrameStop, ...userStop])],
    extraBody: { ...presetBody, ...oneFrameBody, ...parseExtraBody(settings.extraBody) },
  };
}

export function endpointOf(settings: EndpointSettings, apiKey: string): Endpoint {
  return { baseUrl: settings.baseUrl, apiKey, model: settings.model };
}

/** Send a prompt and stream the reply. */
export function sendPrompt(endpoint: Endpoint, spec: PromptSpec, parameters: RequestParameters, options: GenerationOptions): Promise<GenerationResult> {
  const common = { maxTokens: parameters.maxTokens, temperature: parameters.temperature, stop: parameters.stop, extraBody: parameters.extraBody };
  return spec.kind === 'completion'
    ? streamCompletion(endpoint, { prompt: spec.prompt, ...common }, options)
    : streamChat(endpoint, { messages: spec.messages, ...common }, options);
}

/** Teacher forcing: the real trace so far, and the model writes one more frame/step. */
export function nextFramePrompt(mode: PromptMode, program: Program, exampleTrace: string, realSoFar: string): PromptSpec {
  if (mode === 'cwm') return { kind: 'completion', prompt: cwmPrompt(program.code, program.call) + realSoFar };
  return { kind: 'chat', messages: chatNextStepMessages({ code: program.code, call: program.call || null, exampleTrace, stepsSoFar: realSoFar }) };
}
