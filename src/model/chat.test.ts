import { describe, expect, it } from 'vitest';
import { streamChat, type ChatRequest } from './chat.ts';
import { startTestServerForFile } from './test-helpers.ts';

const test = startTestServerForFile();
const request: ChatRequest = { messages: [{ role: 'system', content: 'Trace it.' }, { role: 'user', content: 'f([1, 2])' }], temperature: 0 };
const answer = 'L1 x=[1, 2]\nL2 return 3\n';
const reasoning = 'First the call binds x; then the sum is 3.';

function collect(): { text: string[]; reasoning: string[]; callbacks: { onText: (d: string) => void; onReasoning: (d: string) => void } } {
  const text: string[] = [];
  const thoughts: string[] = [];
  return { text, reasoning: thoughts, callbacks: { onText: (delta) => text.push(delta), onReasoning: (delta) => thoughts.push(delta) } };
}

describe('streamChat', () => {
  it('streams the answer and sends the messages', async () => {
    test.server.respondWith({ text: answer, chunkSize: 2 });
    const seen = collect();
    const result = await streamChat(test.endpoint(), request, seen.callbacks);
    expect(result.text).toBe(answer);
    expect(seen.text.join('')).toBe(answer);
    expect(result.reasoning).toBe('');
    expect(test.server.requests[0].path).toBe('/v1/chat/completions');
    expect(test.server.requests[0].body).toEqual({ model: 'test-model', messages: request.messages, temperature: 0, stream: true });
  });

  it.each(['reasoning_content', 'reasoning'] as const)('reports %s apart from the content', async (field) => {
    test.server.respondWith({ text: answer, reasoning, reasoningAs: field, chunkSize: 5 });
    const seen = collect();
    const result = await streamChat(test.endpoint(), request, seen.callbacks);
    expect(result.text).toBe(answer);
    expect(result.reasoning).toBe(reasoning);
    expect(seen.reasoning.join('')).toBe(reasoning);
    expect(seen.text.join('')).toBe(answer);
  });

  it.each([1, 2, 3, 4, 7, 100])('splits <think> blocks out of the content, tags split across chunks of %i', async (chunkSize) => {
    test.server.respondWith({ text: answer, reasoning, reasoningAs: 'think-tags', chunkSize });
    const seen = collect();
    const result = await streamChat(test.endpoint(), request, seen.callbacks);
    expect(result.text).toBe(answer);
    expect(result.reasoning).toBe(reasoning);
    expect(seen.text.join('')).toBe(answer);
    expect(seen.text.some((delta) => delta.includes('<'))).toBe(false);
  });

  it('selects reasoning scenarios by model name', async () => {
    const result = await streamChat(test.endpoint('test-model+think+chunk-3'), request);
    expect(result.reasoning.length).toBeGreaterThan(0);
    expect(result.text).toBe('Hello from the local test server.');
  });

  it('falls back to a JSON body, reasoning and <think> included', async () => {
    test.server.respondWith({ text: answer, reasoning, ignoreStream: true });
    const json = await streamChat(test.endpoint(), request);
    expect(json).toMatchObject({ text: answer, reasoning, streamed: false, finishReason: 'stop' });
    test.server.respondWith({ text: answer, reasoning, reasoningAs: 'think-tags', ignoreStream: true });
    const tagged = await streamChat(test.endpoint(), request);
    expect(tagged).toMatchObject({ text: answer, reasoning, streamed: false });
  });

  it('reports usage from the final chunk', async () => {
    test.server.respondWith({ text: answer, chunkSize: 4 });
    const result = await streamChat(test.endpoint(), { ...request, extraBody: { stream_options: { include_usage: true } } });
    expect(result.usage).toMatchObject({ completion_tokens: Math.ceil(answer.length / 4) });
    expect(result.usage?.prompt_tokens).toBeGreaterThan(0);
  });
});
