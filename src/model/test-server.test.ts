/** The local OpenAI-compatible test server itself (e2e/openai-server.ts): what browser tests rely on. */
import { describe, expect, it } from 'vitest';
import { scenarioFromModel } from '../../e2e/openai-server-scenario.ts';
import { startTestServerForFile } from './test-helpers.ts';

const test = startTestServerForFile({ apiKey: 'sk-server-test' });
const origin = 'http://localhost:4173';

describe('the test server', () => {
  it('answers a CORS preflight for POST with Authorization', async () => {
    const response = await fetch(`${test.server.baseUrl}/chat/completions`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(test.server.requests[0].method).toBe('OPTIONS');
  });

  it('sends CORS headers on errors too, with Retry-After exposed', async () => {
    const response = await fetch(`${test.server.baseUrl}/completions`, {
      method: 'POST',
      headers: { Origin: origin, Authorization: 'Bearer sk-server-test', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'fault-429+retry-after-7', prompt: 'x' }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(await response.json()).toMatchObject({ error: { message: 'Scripted fault: HTTP 429.', type: 'RateLimitError', code: 429 } });
  });

  it('frames a stream as SSE and ends it with [DONE]', async () => {
    test.server.respondWith({ text: 'abcdef', chunkSize: 4 });
    const response = await fetch(`${test.server.baseUrl}/completions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-server-test', 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', prompt: 'x', stream: true }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n');
    expect(events.at(-1)).toBe('');
    expect(events.at(-2)).toBe('data: [DONE]');
    const texts = events.slice(0, -2).map((event) => JSON.parse(event.replace(/^data: /, '')).choices[0].text);
    expect(texts).toEqual(['abcd', 'ef', '']);
  });

  it('drops CORS headers when told to', async () => {
    test.server.configure({ cors: false });
    try {
      const response = await fetch(`${test.server.baseUrl}/models`, { headers: { Origin: origin, Authorization: 'Bearer sk-server-test' } });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      test.server.configure({ cors: true });
    }
  });
});

describe('scenarios from model names', () => {
  it.each([
    ['fault-429+retry-after-2', { fault: { kind: 'status', status: 429, retryAfterSeconds: 2 } }],
    ['fault-429+retry-after-ms-250', { fault: { kind: 'status', status: 429, retryAfterMs: 250 } }],
    ['test-model+cut-after-3+delay-20+chunk-2', { fault: { kind: 'cut', afterChunks: 3 }, delayMs: 20, chunkSize: 2 }],
    ['test-model+stall-after-0', { fault: { kind: 'stall', afterChunks: 0 } }],
    ['test-model+error-after-1', { fault: { kind: 'stream-error', afterChunks: 1 } }],
    ['test-model+malformed-after-5+no-stream', { fault: { kind: 'malformed', afterChunks: 5 }, ignoreStream: true }],
    ['test-model+think', { reasoningAs: 'think-tags' }],
  ])('%s', (model, expected) => {
    const parsed = scenarioFromModel(model);
    expect(parsed.understood).toBe(true);
    expect(parsed.scenario).toMatchObject(expected);
  });

  it('leaves unknown words not understood (the server answers 404)', () => {
    expect(scenarioFromModel('test-model+explode').understood).toBe(false);
    expect(scenarioFromModel('plain-model').baseIsScenario).toBe(false);
  });
});
