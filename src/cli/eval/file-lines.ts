/**
 * Lines of a file with their byte positions, read as a stream: for indexing a file by id and
 * reading single lines back later (a predictions file, results.jsonl) without holding it whole.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { readError } from '../io.ts';

export interface FileLine {
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Bytes of the line, without its `\n` (a `\r` before it is left out of `text` only). */
  bytes: number;
  text: string;
  /** Ended by `\n` (false only for a last line without one). */
  complete: boolean;
}

const NEWLINE = 0x0a;

function decode(buffer: Buffer): string {
  const text = buffer.toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Opens `path` for reading (a missing file, a directory… fail here as a CliError). */
export async function openForReading(path: string): Promise<FileHandle> {
  try {
    const handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    return handle;
  } catch (error) {
    throw readError(path, error);
  }
}

/** Fails (a CliError) unless `path` is a file that can be read. */
export async function checkReadable(path: string): Promise<void> {
  await (await openForReading(path)).close();
}

/** Every line of an open file, from its start, with byte offsets. The handle stays open. */
export async function* fileLines(handle: FileHandle, path: string): AsyncGenerator<FileLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;
  try {
    for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) {
      const buffer = chunk as Buffer;
      let from = 0;
      for (let at = buffer.indexOf(NEWLINE, from); at >= 0; at = buffer.indexOf(NEWLINE, from)) {
        const line = pending.length ? Buffer.concat([...pending, buffer.subarray(from, at)]) : buffer.subarray(from, at);
        yield { offset, bytes: line.length, text: decode(line), complete: true };
        offset += line.length + 1;
        pending = [];
        pendingBytes = 0;
        from = at + 1;
      }
      if (from < buffer.length) {
        pending.push(buffer.subarray(from));
        pendingBytes += buffer.length - from;
      }
    }
  } catch (error) {
    throw readError(path, error);
  }
  if (pendingBytes > 0) {
    const line = Buffer.concat(pending);
    yield { offset, bytes: line.length, text: decode(line), complete: false };
  }
}

/** The line at `offset` (as given by fileLines). */
export async function readLineAt(handle: FileHandle, offset: number, bytes: number): Promise<string> {
  const buffer = Buffer.alloc(bytes);
  let read = 0;
  while (read < bytes) {
    const { bytesRead } = await handle.read(buffer, read, bytes - read, offset + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return decode(buffer.subarray(0, read));
}
