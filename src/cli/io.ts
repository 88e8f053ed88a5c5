/** Reading the command's input files (or stdin) and writing to stdout with backpressure. */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { STDIN_PATH } from './args.ts';
import { CliError, messageOf } from './errors.ts';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
};

/** A one-line reason for a failed read: `cannot read x.py: no such file`. */
export function readError(path: string, error: unknown): CliError {
  const code = (error as { code?: string }).code;
  const reason = (code && REASONS[code]) ?? messageOf(error);
  return new CliError(`cannot read ${path === STDIN_PATH ? 'stdin' : path}: ${reason}`);
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** A whole text file (`-`: all of stdin). */
export async function readText(path: string): Promise<string> {
  try {
    return path === STDIN_PATH ? await readStream(process.stdin) : await readFile(path, 'utf8');
  } catch (error) {
    throw readError(path, error);
  }
}

/** Lines of a stream, read as they are consumed (the stream's own backpressure applies). */
async function* splitLines(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
    const parts = rest.split('\n');
    rest = parts.pop()!;
    for (const part of parts) yield part.endsWith('\r') ? part.slice(0, -1) : part;
  }
  rest += decoder.decode();
  if (rest) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * The lines of a file (`-`: stdin), read as they are needed. The file is opened before this
 * returns, so a missing or unreadable file fails here and not halfway through.
 */
export async function openLines(path: string): Promise<AsyncIterable<string>> {
  let stream: Readable;
  if (path === STDIN_PATH) {
    stream = process.stdin;
  } else {
    try {
      const handle = await open(path, 'r');
      if ((await handle.stat()).isDirectory()) {
        await handle.close();
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      }
      stream = handle.createReadStream();
    } catch (error) {
      throw readError(path, error);
    }
  }
  return {
    async *[Symbol.asyncIterator]() {
      try {
        yield* splitLines(stream);
      } catch (error) {
        throw readError(path, error);
      }
    },
  };
}

/** Non-blank lines of a file, counted without keeping them (for progress totals). */
export async function countLines(path: string): Promise<number | null> {
  if (path === STDIN_PATH) return null;
  try {
    let count = 0;
    for await (const line of splitLines(createReadStream(path))) if (line.trim()) count++;
    return count;
  } catch {
    return null;
  }
}

/** Write to stdout, waiting when its buffer is full. */
export function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else {
      const onDrain = () => {
        process.stdout.off('error', onError);
        resolve();
      };
      const onError = (error: unknown) => {
        process.stdout.off('drain', onDrain);
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      process.stdout.once('drain', onDrain);
      process.stdout.once('error', onError);
    }
  });
}
