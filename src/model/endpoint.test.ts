import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from './endpoint.ts';
import { ModelError } from './errors.ts';
import { ENDPOINT_PRESETS, presetForBaseUrl, VLLM_CWM_EXTRA_BODY } from './presets.ts';
import { parseRetryAfter } from './retry-after.ts';

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://localhost:8000', 'http://localhost:8000/v1'],
    ['http://localhost:8000/', 'http://localhost:8000/v1'],
    ['  http://localhost:8000/v1/  ', 'http://localhost:8000/v1'],
    ['http://localhost:8000/v1', 'http://localhost:8000/v1'],
    ['http://localhost:8000/v1/chat/completions', 'http://localhost:8000/v1'],
    ['http://localhost:8000/v1/completions', 'http://localhost:8000/v1'],
    ['http://localhost:8000/v1/models', 'http://localhost:8000/v1'],
    ['https://example.com/openai/v1', 'https://example.com/openai/v1'],
    ['https://example.com/api//', 'https://example.com/api'],
    ['HTTP://LOCALHOST:1234', 'http://localhost:1234/v1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each(['', '   ', 'localhost:8000', 'ftp://host/v1', 'not a url', 'http://user:secret@host/v1', 'http://host/v1?key=sk-1', 'http://host/v1#x'])(
    'rejects %j with a presentable invalid-endpoint error',
    (input) => {
      let caught: unknown;
      try {
        normalizeBaseUrl(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ModelError);
      expect((caught as ModelError).kind).toBe('invalid-endpoint');
      expect((caught as ModelError).message).not.toContain('secret');
      expect((caught as ModelError).message).not.toContain('sk-1');
    },
  );
});

describe('presets', () => {
  it('have normalized base URLs and distinct ids', () => {
    for (const preset of ENDPOINT_PRESETS) expect(normalizeBaseUrl(preset.baseUrl)).toBe(preset.baseUrl);
    expect(new Set(ENDPOINT_PRESETS.map((preset) => preset.id)).size).toBe(ENDPOINT_PRESETS.length);
  });

  it('vLLM keeps special tokens and stops at end of text', () => {
    const vllm = presetForBaseUrl('http://localhost:8000');
    expect(vllm?.id).toBe('vllm');
    expect(vllm?.cwmCompletionsExtraBody).toMatchObject(VLLM_CWM_EXTRA_BODY);
    expect(VLLM_CWM_EXTRA_BODY).toEqual({
      skip_special_tokens: false,
      spaces_between_special_tokens: false,
      add_special_tokens: false,
      stop_token_ids: [128001],
      include_stop_str_in_output: false,
    });
  });

  it('are found by their URLs', () => {
    expect(presetForBaseUrl('http://localhost:11434/')?.id).toBe('ollama');
    expect(presetForBaseUrl('http://localhost:8080/v1')?.id).toBe('llama-cpp');
    expect(presetForBaseUrl('http://localhost:1234')?.id).toBe('lm-studio');
    expect(presetForBaseUrl('https://api.openai.com/v1')?.id).toBe('openai');
    expect(presetForBaseUrl('http://localhost:9999/v1')).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '3', 'retry-after-ms': '250' }))).toBe(250);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(new Headers())).toBeUndefined();
  });
});
