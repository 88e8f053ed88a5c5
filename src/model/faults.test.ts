import { describe, expect, it } from 'vitest';
import { streamChat } from './chat.ts';
import { streamCompletion } from './completions.ts';
import { closedPort, rejectionOf, startTestServerForFile } from './test-helpers.ts';

const test = startTestServerForFile();
const text = 'abcdefghijklmnopqrstuvwxyz';
const firstThreeChunks = 'abcdefghi';

function complete(model: string, options: Parameters<typeof streamCompletion>[2] = {}): ReturnType<typeof streamCompletion> {
  return streamCompletion(test.endpoint(model), { prompt: 'x' }, options);
}

describe('HTTP errors', () => {
  it('401 → unauthorized, with the server message', async () => {
    const error = await rejectionOf(complete('fault-401'), 'unauthorized');
    expect(error.status).toBe(401);
    expect(error.serverMessage).toBe('Scripted fault: HTTP 401');
    expect(error.message).toContain('Scripted fault: HTTP 401');
    expect(error.message).toContain('API key');
  });

  it('403 → unauthorized', async () => {
    expect((await rejectionOf(complete('fault-403'), 'unauthorized')).status).toBe(403);
  });

  it('unknown model → not-found, mentioning the model and /v1', async () => {
    const error = await rejectionOf(complete('no-such-model'), 'not-found');
    expect(error.message).toContain('no-such-model');
    expect(error.message).toContain('/v1');
  });

  it('a base URL without /v1 → not-found', async () => {
    const endpoint = { baseUrl: `${test.server.url}/api`, model: 'test-model' };
    const error = await rejectionOf(streamCompletion(endpoint, { prompt: 'x' }), 'not-found');
    expect(error.message).toContain(`${test.server.url}/api/completions`);
  });

  it('429 → rate-limited, with Retry-After in seconds or milliseconds', async () => {
    const seconds = await rejectionOf(complete('fault-429+retry-after-2'), 'rate-limited');
    expect(seconds.retryAfterMs).toBe(2000);
    expect(seconds.message).toContain('2 seconds');
    test.server.respondOnceWith({ fault: { kind: 'status', status: 429, retryAfterMs: 250 } });
    expect((await rejectionOf(complete('test-model'), 'rate-limited')).retryAfterMs).toBe(250);
  });

  it('500 and 503 → server; 400 → bad-request', async () => {
    expect((await rejectionOf(complete('fault-500'), 'server')).status).toBe(500);
    expect((await rejectionOf(complete('fault-503'), 'server')).status).toBe(503);
    expect((await rejectionOf(complete('fault-400'), 'bad-request')).status).toBe(400);
  });
});

describe('mid-stream failures keep the partial text', () => {
  it('a connection cut → cut', async () => {
    test.server.respondWith({ text, chunkSize: 3 });
    const deltas: string[] = [];
    const error = await rejectionOf(complete('test-model+cut-after-3', { onText: (delta) => deltas.push(delta) }), 'cut');
    expect(error.partialText).toBe(firstThreeChunks);
    expect(deltas.join('')).toBe(firstThreeChunks);
  });

  it('a stream that ends without [DONE] or finish reason → cut, all text kept', async () => {
    test.server.respondWith({ text, chunkSize: 3 });
    expect((await rejectionOf(complete('test-model+no-done'), 'cut')).partialText).toBe(text);
  });

  it('a malformed chunk → bad-response', async () => {
    test.server.respondWith({ text, chunkSize: 3 });
    const error = await rejectionOf(complete('test-model+malformed-after-3'), 'bad-response');
    expect(error.partialText).toBe(firstThreeChunks);
    expect(error.message).toContain('malformed');
  });

  it('an error reported inside the stream → server', async () => {
    test.server.respondWith({ text, chunkSize: 3 });
    const error = await rejectionOf(complete('test-model+error-after-3'), 'server');
    expect(error.partialText).toBe(firstThreeChunks);
    expect(error.serverMessage).toBe('Scripted fault: error during generation');
  });

  it('a stall → stalled after the idle timeout', async () => {
    test.server.respondWith({ text, chunkSize: 3 });
    // The stall is detected by the idle timeout, not by the server ever closing (it never does).
    const error = await rejectionOf(complete('test-model+stall-after-3', { idleTimeoutMs: 150 }), 'stalled');
    expect(error.partialText).toBe(firstThreeChunks);
    expect(error.message).toContain('idle timeout');
  });

  it('no response headers → stalled after the response timeout', async () => {
    const error = await rejectionOf(complete('hang', { responseTimeoutMs: 150 }), 'stalled');
    expect(error.message).toContain('response timeout');
  });

  it('chat keeps partial reasoning and text', async () => {
    test.server.respondWith({ text, reasoning: 'because', chunkSize: 3 });
    const error = await rejectionOf(streamChat(test.endpoint('test-model+cut-after-4'), { messages: [{ role: 'user', content: 'x' }] }), 'cut');
    // Chunks of 3: 'bec' 'aus' 'e' (reasoning), then 'abc' before the cut.
    expect(error.partialReasoning).toBe('because');
    expect(error.partialText).toBe('abc');
  });

  it('a <think> tag held back at the cut is kept', async () => {
    test.server.respondWith({ text: 'answer <think>never closed', chunkSize: 9 });
    const error = await rejectionOf(streamChat(test.endpoint('test-model+cut-after-1'), { messages: [{ role: 'user', content: 'x' }] }), 'cut');
    expect(error.partialText).toBe('answer <t');
  });
});

describe('non-streamed answers that fail', () => {
  it('cut → cut; malformed → bad-response; stall → stalled', async () => {
    await rejectionOf(complete('no-stream+cut-after-0'), 'cut');
    await rejectionOf(complete('no-stream+malformed-after-0'), 'bad-response');
    await rejectionOf(complete('no-stream+stall-after-0', { idleTimeoutMs: 150 }), 'stalled');
  });
});

describe('cancel', () => {
  it('abort keeps the text received, and nothing is reported after it', async () => {
    test.server.respondWith({ text, chunkSize: 1, delayMs: 10 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const onText = (delta: string): void => {
      deltas.push(delta);
      if (deltas.length === 5) controller.abort();
    };
    const error = await rejectionOf(complete('test-model', { signal: controller.signal, onText }), 'aborted');
    expect(deltas.join('')).toBe('abcde');
    expect(error.partialText).toBe('abcde');
  });

  it('an already-aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectionOf(complete('test-model', { signal: controller.signal }), 'aborted');
    expect(test.server.requests).toHaveLength(0);
  });

  it('abort while waiting for the response → aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await rejectionOf(complete('hang', { signal: controller.signal }), 'aborted');
  });
});

describe('unreachable and non-API servers', () => {
  it('connection refused → unreachable, naming the URL', async () => {
    const port = await closedPort();
    const error = await rejectionOf(streamCompletion({ baseUrl: `http://127.0.0.1:${port}`, model: 'm' }, { prompt: 'x' }), 'unreachable');
    expect(error.message).toContain(`http://127.0.0.1:${port}/v1/completions`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('an HTML page → bad-response pointing at the base URL', async () => {
    const fetchHtml = async (): Promise<Response> => new Response('<!doctype html><title>app</title>', { headers: { 'content-type': 'text/html' } });
    const error = await rejectionOf(streamCompletion({ baseUrl: 'http://localhost:5173', model: 'm' }, { prompt: 'x' }, { fetch: fetchHtml }), 'bad-response');
    expect(error.message).toContain('base URL');
  });

  it('an event stream without its content type is still read', async () => {
    const body = 'data: {"choices":[{"text":"ok"}]}\n\ndata: {"choices":[{"text":"!","finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const fetchPlain = async (): Promise<Response> => new Response(body, { headers: { 'content-type': 'text/plain' } });
    const result = await streamCompletion({ baseUrl: 'http://x.test', model: 'm' }, { prompt: 'x' }, { fetch: fetchPlain });
    expect(result).toMatchObject({ text: 'ok!', finishReason: 'stop', streamed: true });
  });

  it("llama.cpp's `error:` line → server, with its message", async () => {
    const body = 'data: {"choices":[{"text":"ab"}]}\n\nerror: {"code":500,"message":"boom","type":"server_error"}\n\n';
    const fetchLlama = async (): Promise<Response> => new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const error = await rejectionOf(streamCompletion({ baseUrl: 'http://x.test', model: 'm' }, { prompt: 'x' }, { fetch: fetchLlama }), 'server');
    expect(error.serverMessage).toBe('boom');
    expect(error.partialText).toBe('ab');
  });

  it('a connection lost after the finish reason is not an error', async () => {
    const finished = 'data: {"choices":[{"text":"ab","finish_reason":"length"}]}\n\n';
    const fetchLost = async (): Promise<Response> =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(finished));
          },
          pull(controller) {
            controller.error(new TypeError('terminated'));
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const result = await streamCompletion({ baseUrl: 'http://x.test', model: 'm' }, { prompt: 'x' }, { fetch: fetchLost });
    expect(result).toMatchObject({ text: 'ab', finishReason: 'length' });
  });

  it('a chunk of the wrong shape → bad-response naming the field', async () => {
    const body = 'data: {"choices":[{"text":"ok"}]}\n\ndata: {"choices":[{"text":5}]}\n\n';
    const fetchOdd = async (): Promise<Response> => new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const error = await rejectionOf(streamCompletion({ baseUrl: 'http://x.test', model: 'm' }, { prompt: 'x' }, { fetch: fetchOdd }), 'bad-response');
    expect(error.message).toContain('choices.0.text');
    expect(error.partialText).toBe('ok');
  });

  it('an empty model or a bad base URL → invalid-endpoint, nothing sent', async () => {
    await rejectionOf(streamCompletion({ baseUrl: test.server.baseUrl, model: ' ' }, { prompt: 'x' }), 'invalid-endpoint');
    await rejectionOf(streamCompletion({ baseUrl: 'localhost:8000', model: 'm' }, { prompt: 'x' }), 'invalid-endpoint');
    expect(test.server.requests).toHaveLength(0);
  });
});
