/**
 * Reading a response body as text, piece by piece, under the request's idle watchdog. A read
 * that fails is reported as `aborted` or `stalled` when that is why, else as `cut`.
 */
import { ModelError } from './errors.ts';
import type { RequestLifetime } from './request-lifetime.ts';

/** Error bodies are read only this far: the message is at the start. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;

export function connectionCut(url: string): ModelError {
  return new ModelError(
    'cut',
    `The connection to ${url} closed before the response was complete (no end-of-stream marker or finish reason).`,
  );
}

/** The body's text as it arrives; closing the iteration early cancels the body. */
export async function* bodyPieces(response: Response, lifetime: RequestLifetime, idleTimeoutMs: number, url: string): AsyncGenerator<string> {
  if (!response.body) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let finished = false;
  try {
    for (;;) {
      lifetime.arm('body', idleTimeoutMs);
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw lifetime.interruption() ?? connectionCut(url);
      }
      if (chunk.done) {
        finished = true;
        const rest = decoder.decode();
        if (rest) yield rest;
        return;
      }
      const text = decoder.decode(chunk.value, { stream: true });
      if (text) yield text;
    }
  } finally {
    lifetime.arm('body', 0);
    if (!finished) void reader.cancel().catch(() => undefined);
  }
}

/** The whole body as one string. */
export async function readBodyText(response: Response, lifetime: RequestLifetime, idleTimeoutMs: number, url: string): Promise<string> {
  let text = '';
  for await (const piece of bodyPieces(response, lifetime, idleTimeoutMs, url)) text += piece;
  return text;
}

/** The start of an error body; whatever could be read if reading fails (the status says enough). */
export async function readErrorBody(response: Response, lifetime: RequestLifetime, idleTimeoutMs: number, url: string): Promise<string> {
  let text = '';
  try {
    for await (const piece of bodyPieces(response, lifetime, idleTimeoutMs, url)) {
      text += piece;
      if (text.length >= MAX_ERROR_BODY_CHARS) break;
    }
  } catch (error) {
    if (error instanceof ModelError && error.kind === 'aborted') throw error;
  }
  return text;
}
