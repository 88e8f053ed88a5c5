/**
 * How long a 429/503 response asks the client to wait: `retry-after-ms` (OpenAI's), else
 * `Retry-After` as seconds or as an HTTP date. In a browser the server must list these in
 * `Access-Control-Expose-Headers` for the page to see them.
 */

export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null) {
    const value = Number(milliseconds.trim());
    if (milliseconds.trim() !== '' && Number.isFinite(value) && value >= 0) return value;
  }
  const header = headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
