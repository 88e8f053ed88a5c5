import { describe, expect, it } from 'vitest';
import { loadCwmFixture } from '../testing/cwm-fixture.ts';
import { CWM } from '../trace/cwm/tokens.ts';
import { cwmPrompt } from '../trace/cwm/prompt.ts';
import { streamCompletion } from './completions.ts';
import { VLLM_CWM_EXTRA_BODY, VLLM_CWM_ONE_FRAME_EXTRA_BODY } from './presets.ts';
import { startTestServerForFile } from './test-helpers.ts';

const test = startTestServerForFile();
const item = loadCwmFixture()[0];
const prompt = cwmPrompt(item.code, `f(${item.input})`);

describe('streamCompletion', () => {
  it('streams a fixture generation, reassembled exactly, and reports timing', async () => {
    test.server.respondWith({ chunkSize: 3 });
    const deltas: string[] = [];
    const result = await streamCompletion(test.endpoint(), { prompt, maxTokens: 4096, temperature: 0 }, { onText: (delta) => deltas.push(delta) });
    expect(result.text).toBe(item.generation);
    expect(deltas.join('')).toBe(item.generation);
    expect(deltas.length).toBe(Math.ceil(Array.from(item.generation).length / 3));
    expect(result.finishReason).toBe('stop');
    expect(result.streamed).toBe(true);
    expect(result.reasoning).toBe('');
    expect(result.usage).toBeNull();
    expect(result.timing.chunks).toBe(deltas.length);
    expect(result.timing.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(result.timing.chunksPerSecond).toBeGreaterThan(0);
  });

  it('sends the body fields and merges extraBody over them', async () => {
    await streamCompletion(test.endpoint(), {
      prompt,
      maxTokens: 100,
      temperature: 0,
      stop: ['\n\n'],
      extraBody: { ...VLLM_CWM_EXTRA_BODY, stream_options: { include_usage: true } },
    });
    const [request] = test.server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/completions');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      model: 'test-model',
      prompt,
      max_tokens: 100,
      temperature: 0,
      stop: ['\n\n'],
      stream: true,
      skip_special_tokens: false,
      spaces_between_special_tokens: false,
      add_special_tokens: false,
      stop_token_ids: [128001],
      include_stop_str_in_output: false,
      stream_options: { include_usage: true },
    });
  });

  it('leaves out unset fields and empty stop lists', async () => {
    await streamCompletion(test.endpoint(), { prompt: 'x', stop: [] });
    expect(test.server.requests[0].body).toEqual({ model: 'test-model', prompt: 'x', stream: true });
  });

  it('reports usage when the server sends it, with tokens per second', async () => {
    const result = await streamCompletion(test.endpoint(), { prompt, extraBody: { ...VLLM_CWM_EXTRA_BODY, stream_options: { include_usage: true } } });
    expect(result.text).toBe(item.generation.replace(CWM.endOfText, ''));
    expect(result.usage?.completion_tokens).toBe(result.timing.chunks);
    expect(result.timing.completionTokens).toBe(result.timing.chunks);
    expect(result.timing.tokensPerSecond).toBeGreaterThan(0);
  });

  it('asks for one frame at a time and continues from the prompt (step-by-step replay)', async () => {
    const frames: string[] = [];
    let sofar = '';
    for (let step = 0; step < 3; step++) {
      const result = await streamCompletion(test.endpoint(), { prompt: prompt + sofar, extraBody: { ...VLLM_CWM_ONE_FRAME_EXTRA_BODY } });
      frames.push(result.text);
      sofar += result.text + CWM.frameSep;
    }
    expect(item.generation.startsWith(sofar)).toBe(true);
    expect(frames.every((frame) => !frame.includes(CWM.frameSep))).toBe(true);
  });

  it('falls back to a JSON body when the server ignores stream: true', async () => {
    test.server.respondWith({ text: 'whole answer', ignoreStream: true });
    const deltas: string[] = [];
    const result = await streamCompletion(test.endpoint(), { prompt: 'x' }, { onText: (delta) => deltas.push(delta) });
    expect(result).toMatchObject({ text: 'whole answer', streamed: false, finishReason: 'stop' });
    expect(result.usage?.completion_tokens).toBeGreaterThan(0);
    expect(deltas).toEqual(['whole answer']);
  });

  it('takes scenario words from the model name (for browser tests)', async () => {
    const result = await streamCompletion(test.endpoint('test-model+no-stream'), { prompt: 'x' });
    expect(result.streamed).toBe(false);
    expect(result.text).toBe('Hello from the local test server.');
  });

  it('keeps multi-byte characters whole across chunks', async () => {
    const text = 'é→😀 mixed ✓ текст 漢字'.repeat(20);
    test.server.respondWith({ text, chunkSize: 1 });
    expect((await streamCompletion(test.endpoint(), { prompt: 'x' })).text).toBe(text);
  });
});
