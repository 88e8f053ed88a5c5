/**
 * Sends a planned generation: as an event stream with real SSE framing (`data: {…}\n\n`, then
 * `data: [DONE]\n\n`) or as one JSON body, injecting the scenario's fault on the way.
 */
import type { ServerResponse } from 'node:http';
import { sendError } from './openai-server-http.ts';
import type { ResponsePlan } from './openai-server-plan.ts';
import type { Fault, Scenario } from './openai-server-scenario.ts';

export interface AnswerContext {
  response: ServerResponse;
  /** Headers every response carries (CORS). */
  headers: Record<string, string>;
  plan: ResponsePlan;
  scenario: Scenario;
  /** Keeps a response open on purpose (hang, stall); the server destroys it when it stops. */
  holdOpen: (response: ServerResponse) => void;
}

let answerCount = 0;

export async function sendAnswer(context: AnswerContext): Promise<void> {
  const { response, headers, scenario } = context;
  const fault = scenario.fault;
  if (fault?.kind === 'status') return sendStatusFault(response, headers, fault);
  if (fault?.kind === 'hang') return context.holdOpen(response);
  if (context.plan.stream) return sendEventStream(context);
  return sendJsonAnswer(context);
}

function sendStatusFault(response: ServerResponse, headers: Record<string, string>, fault: Extract<Fault, { kind: 'status' }>): void {
  const extra: Record<string, string> = {};
  if (fault.status === 429 || fault.status === 503) {
    if (fault.retryAfterMs !== undefined) {
      extra['Retry-After-Ms'] = String(fault.retryAfterMs);
      extra['Retry-After'] = String(Math.ceil(fault.retryAfterMs / 1000));
    } else {
      extra['Retry-After'] = String(fault.retryAfterSeconds ?? 1);
    }
  }
  sendError(response, fault.status, { ...headers, ...extra }, fault.message ?? `Scripted fault: HTTP ${fault.status}.`);
}

async function sendEventStream(context: AnswerContext): Promise<void> {
  const { response, plan, scenario } = context;
  const id = `test-${++answerCount}`;
  const created = Math.floor(Date.now() / 1000);
  const base = { id, object: plan.api === 'chat' ? 'chat.completion.chunk' : 'text_completion', created, model: plan.model };
  const pieces = [
    ...plan.reasoningChunks.map((text) => (plan.api === 'chat' ? { index: 0, delta: { [plan.reasoningField]: text }, finish_reason: null } : null)),
    ...plan.contentChunks.map((text) =>
      plan.api === 'chat' ? { index: 0, delta: { content: text }, finish_reason: null } : { index: 0, text, logprobs: null, finish_reason: null },
    ),
  ].filter((piece) => piece !== null);

  response.writeHead(200, { ...context.headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  response.flushHeaders();
  if (plan.api === 'chat') await writeEvent(response, { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });

  const fault = scenario.fault;
  for (let index = 0; index <= pieces.length; index++) {
    if (response.destroyed) return;
    if (fault && 'afterChunks' in fault && fault.afterChunks === index) {
      if (fault.kind === 'cut') return cutAfterFlush(response);
      if (fault.kind === 'stall') return context.holdOpen(response);
      if (fault.kind === 'stream-error') {
        await writeEvent(response, { error: { object: 'error', message: fault.message ?? 'Scripted fault: error during generation.', type: 'InternalServerError', code: 500 } });
        return void response.end();
      }
      await writeRaw(response, `data: {"id": "${id}", "choices": [{"index": 0, "text": "oops"\n\n`);
    }
    if (index === pieces.length) break;
    if (index > 0 && scenario.delayMs) await sleep(scenario.delayMs);
    await writeEvent(response, { ...base, choices: [pieces[index]] });
  }
  if (fault?.kind === 'no-done') return void response.end();
  const finish = plan.api === 'chat' ? { index: 0, delta: {}, finish_reason: plan.finishReason } : { index: 0, text: '', logprobs: null, finish_reason: plan.finishReason };
  await writeEvent(response, { ...base, choices: [finish] });
  if (plan.usageChunk) await writeEvent(response, { ...base, choices: [], usage: plan.usage });
  await writeRaw(response, 'data: [DONE]\n\n');
  response.end();
}

async function sendJsonAnswer(context: AnswerContext): Promise<void> {
  const { response, plan, scenario } = context;
  if (scenario.delayMs) await sleep(scenario.delayMs);
  const text = plan.contentChunks.join('');
  const reasoning = plan.reasoningChunks.join('');
  const choice =
    plan.api === 'chat'
      ? { index: 0, message: { role: 'assistant', content: text, ...(reasoning ? { [plan.reasoningField]: reasoning } : {}) }, finish_reason: plan.finishReason }
      : { index: 0, text, logprobs: null, finish_reason: plan.finishReason };
  const body = JSON.stringify({
    id: `test-${++answerCount}`,
    object: plan.api === 'chat' ? 'chat.completion' : 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model: plan.model,
    choices: [choice],
    usage: plan.usage,
  });
  const fault = scenario.fault;
  if (fault?.kind === 'stream-error') {
    const error = JSON.stringify({ error: { message: fault.message ?? 'Scripted fault: error during generation.', type: 'InternalServerError', code: 500 } });
    response.writeHead(200, { ...context.headers, 'Content-Type': 'application/json' }).end(error);
    return;
  }
  response.writeHead(200, { ...context.headers, 'Content-Type': 'application/json' });
  if (fault?.kind === 'malformed') return void response.end(body.slice(0, Math.floor(body.length / 2)));
  if (fault?.kind === 'cut' || fault?.kind === 'stall') {
    await writeRaw(response, body.slice(0, Math.floor(body.length / 2)));
    if (fault.kind === 'cut') return cutAfterFlush(response);
    return context.holdOpen(response);
  }
  response.end(body);
}

/** Milliseconds between the last byte and the cut: a real cut comes after the data got through. */
const CUT_AFTER_MS = 30;

/** Closes the connection mid-response, once what was written has reached the client. */
async function cutAfterFlush(response: ServerResponse): Promise<void> {
  await new Promise<void>((resolve) => response.write('', () => resolve()));
  await sleep(CUT_AFTER_MS);
  response.destroy();
}

function writeEvent(response: ServerResponse, data: unknown): Promise<void> {
  return writeRaw(response, `data: ${JSON.stringify(data)}\n\n`);
}

/** Writes, waiting for the socket to drain when its buffer is full (or for it to close). */
function writeRaw(response: ServerResponse, text: string): Promise<void> {
  if (response.destroyed) return Promise.resolve();
  if (response.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
