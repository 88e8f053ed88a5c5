/**
 * Server-sent events from a stream of text pieces, framed by `eventsource-parser`. An `error:`
 * line (llama.cpp reports failures that way, outside the SSE standard) comes out as an event
 * named `error`.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ModelError } from './errors.ts';

/** One event may not grow beyond this (a whole non-streamed answer is not read through here). */
const MAX_EVENT_CHARS = 16 * 1024 * 1024;

export async function* sseMessages(pieces: AsyncIterable<string>): AsyncGenerator<EventSourceMessage> {
  const ready: EventSourceMessage[] = [];
  let overflow = false;
  const parser = createParser({
    onEvent: (message) => ready.push(message),
    onError: (error) => {
      if (error.type === 'unknown-field' && error.field === 'error') ready.push({ event: 'error', data: error.value ?? '' });
      else if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
    maxBufferSize: MAX_EVENT_CHARS,
  });
  for await (const piece of pieces) {
    parser.feed(piece);
    if (overflow) throw new ModelError('bad-response', `A server-sent event grew beyond ${MAX_EVENT_CHARS / 1024 / 1024} MB without ending.`);
    for (const message of ready.splice(0)) yield message;
  }
}
