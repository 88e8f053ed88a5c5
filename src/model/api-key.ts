/**
 * The API key's only ways out of the client: one `Authorization` header per request to the
 * endpoint it belongs to. Everything else (error messages, server messages) has it redacted.
 */
import { ModelError } from './errors.ts';

/** Visible ASCII only: what an HTTP header can carry without the platform rejecting (and echoing) it. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export const REDACTED = '[redacted]';

/** `{ Authorization: 'Bearer …' }`, or no header for an empty key. */
export function authorizationHeader(apiKey: string | undefined): Record<string, string> {
  const key = apiKey?.trim() ?? '';
  if (!key) return {};
  if (!HEADER_SAFE.test(key)) {
    // Checked here because fetch() would reject it with a message that quotes the header value.
    throw new ModelError(
      'invalid-endpoint',
      'The API key contains spaces, line breaks or non-ASCII characters, which an HTTP header cannot carry: paste the key again.',
    );
  }
  return { Authorization: `Bearer ${key}` };
}

/** `text` with every occurrence of the key replaced (servers sometimes echo a wrong key back). */
export function redactApiKey(text: string, apiKey: string | undefined): string {
  const key = apiKey?.trim() ?? '';
  if (key.length < 4) return text;
  return text.split(key).join(REDACTED);
}
