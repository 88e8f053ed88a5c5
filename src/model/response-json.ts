/**
 * Parsing and shape-checking what the server sent; failures are `bad-response` errors that say
 * what was wrong without dumping the whole payload.
 */
import type { z } from 'zod';
import { redactApiKey } from './api-key.ts';
import { ModelError } from './errors.ts';
import { cleanServerMessage, serverMessageOf } from './http-errors.ts';
import { streamErrorSchema } from './schemas.ts';

const EXCERPT_CHARS = 120;

/** JSON.parse, with a `bad-response` naming what was being read and showing its start. */
export function parseJson(text: string, what: string, apiKey: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const excerpt = redactApiKey(text.slice(0, EXCERPT_CHARS), apiKey).replace(/\s+/g, ' ');
    throw new ModelError('bad-response', `The server sent a malformed ${what} (not JSON): ${excerpt}${text.length > EXCERPT_CHARS ? '…' : ''}`);
  }
}

/** `data` checked against `schema`; a mismatch names the first offending field. */
export function readShape<Schema extends z.ZodType>(schema: Schema, data: unknown, what: string): z.infer<Schema> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new ModelError('bad-response', `The server sent a ${what} of unexpected shape${where}: ${issue?.message ?? 'invalid'}.`);
}

/** A chunk or body that reports an error instead of a generation, as a `server` error; else null. */
export function reportedError(data: unknown, apiKey: string | undefined): ModelError | null {
  if (typeof data !== 'object' || data === null || 'choices' in data) return null;
  const parsed = streamErrorSchema.safeParse(data);
  if (!parsed.success) return null;
  const error = parsed.data.error;
  return errorReport(typeof error === 'string' ? error : (error.message ?? ''), apiKey);
}

/** The server reported a failure in the body of a successful response (JSON error body or plain text). */
export function errorReport(message: string, apiKey: string | undefined): ModelError {
  const serverMessage = serverMessageOf(message, apiKey) ?? cleanServerMessage(message, apiKey);
  return new ModelError('server', `The server reported an error${serverMessage ? `: ${serverMessage}` : ''}.`, { serverMessage });
}
