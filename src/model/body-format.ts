/**
 * Whether a successful response is an event stream or one JSON body (a server that ignores
 * `stream: true`): by Content-Type, else by its first characters. An HTML page (a wrong base URL
 * that reached a web app) or anything else is a `bad-response`.
 */
import { bodyPieces } from './body-reader.ts';
import { ModelError } from './errors.ts';
import type { RequestLifetime } from './request-lifetime.ts';

export interface ResponseBody {
  format: 'event-stream' | 'json';
  pieces: AsyncGenerator<string>;
}

/** Enough characters to tell `data:` from `{`. */
const SNIFF_CHARS = 6;

export async function openResponseBody(response: Response, lifetime: RequestLifetime, idleTimeoutMs: number, url: string): Promise<ResponseBody> {
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('text/html')) {
    void response.body?.cancel().catch(() => undefined);
    throw notAnApi(url, 'an HTML page');
  }
  const pieces = bodyPieces(response, lifetime, idleTimeoutMs, url);
  if (type.includes('text/event-stream')) return { format: 'event-stream', pieces };
  if (type.includes('json')) return { format: 'json', pieces };
  let start = '';
  for (;;) {
    const next = await pieces.next();
    if (next.done) break;
    start += next.value;
    if (start.trimStart().length >= SNIFF_CHARS) break;
  }
  const head = start.trimStart();
  const rest = prepend(start, pieces);
  if (head.startsWith('{')) return { format: 'json', pieces: rest };
  if (/^(data|event|id|retry)\s*:|^:/.test(head)) return { format: 'event-stream', pieces: rest };
  await pieces.return(undefined);
  throw notAnApi(url, type ? `content of type ${type.split(';')[0]}` : 'content that is neither JSON nor an event stream');
}

function notAnApi(url: string, what: string): ModelError {
  return new ModelError(
    'bad-response',
    `${url} answered with ${what}, not an OpenAI-compatible API response: check the base URL (it usually ends in /v1).`,
  );
}

async function* prepend(first: string, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (first) yield first;
  yield* rest;
}
