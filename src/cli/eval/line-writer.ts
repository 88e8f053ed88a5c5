/** Appending text to a file as it is produced, waiting when the stream's buffer is full. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { CliError, messageOf } from '../errors.ts';

export class FileWriter {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  /** `append`: add to the file's end (else replace it). */
  constructor(private readonly path: string, append: boolean) {
    this.stream = createWriteStream(path, { flags: append ? 'a' : 'w', encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure ??= new CliError(`cannot write ${path}: ${messageOf(error)}`);
    });
  }

  /** Writes `text` whole (one write call, so lines from concurrent callers never interleave). */
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = () => {
        this.stream.off('drain', onDrain);
        reject(this.failure ?? new CliError(`cannot write ${this.path}`));
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (!this.stream.closed) await new Promise<void>((resolve) => this.stream.end(resolve));
    if (this.failure) throw this.failure;
  }
}
