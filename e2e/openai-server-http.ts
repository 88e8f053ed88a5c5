/**
 * HTTP plumbing of the test server: CORS (so a cross-origin-isolated page may call and read it),
 * request bodies, JSON answers and OpenAI-style error bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Headers every response carries. With CORS on: the caller's origin is allowed, Retry-After is
 * readable, and `Cross-Origin-Resource-Policy: cross-origin` lets a COEP page use the response.
 * With CORS off, a browser page is blocked (what a server without CORS looks like).
 */
export function commonHeaders(request: IncomingMessage, cors: boolean): Record<string, string> {
  if (!cors) return {};
  return {
    'Access-Control-Allow-Origin': request.headers.origin ?? '*',
    'Access-Control-Expose-Headers': 'Retry-After, Retry-After-Ms',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    Vary: 'Origin',
  };
}

/** The answer to a CORS preflight (`OPTIONS`). */
export function answerPreflight(request: IncomingMessage, response: ServerResponse, cors: boolean): void {
  const headers = commonHeaders(request, cors);
  if (cors) {
    const requested = request.headers['access-control-request-headers'];
    headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = ['Authorization', 'Content-Type', 'Accept', requested].filter(Boolean).join(', ');
    if (request.headers['access-control-request-private-network'] === 'true') headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  response.writeHead(204, headers).end();
}

export async function readRequestBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request) {
    const buffer = part as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    parts.push(buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

export function sendJson(response: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

const ERROR_TYPES: Record<number, string> = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  429: 'RateLimitError',
};

/** An error the way OpenAI (and vLLM, llama.cpp) write it: `{"error": {"message", "type", "code"}}`. */
export function sendError(response: ServerResponse, status: number, headers: Record<string, string>, message: string): void {
  sendJson(response, status, headers, {
    error: { message, type: ERROR_TYPES[status] ?? (status >= 500 ? 'InternalServerError' : 'BadRequestError'), param: null, code: status },
  });
}
