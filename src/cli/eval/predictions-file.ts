/**
 * `--predictions FILE.jsonl`: existing model outputs, lines `{"id", "generation"}`. The file is
 * indexed once (id → byte range) and each generation read back when its item comes, so a large
 * file is never held in memory.
 */
import type { FileHandle } from 'node:fs/promises';
import { detectFormat } from '../../compare/index.ts';
import { fileLines, openForReading, readLineAt } from './file-lines.ts';
import type { Prediction, PredictionSource, SourceLabel } from './prediction.ts';
import { itemKey, type SuiteEntry } from './suite-reader.ts';

interface Range {
  offset: number;
  bytes: number;
}

export interface IndexNotes {
  /** Lines that are not a JSON object with an id. */
  unreadable: number;
  /** Lines whose id an earlier line already had (the first one counts). */
  duplicates: number;
}

export class PredictionsFile implements PredictionSource {
  readonly format = null;

  private constructor(
    private readonly handle: FileHandle,
    private readonly index: Map<string, Range>,
    readonly label: SourceLabel,
    readonly notes: IndexNotes,
  ) {}

  /** Open and index the file (an unreadable file fails here, before the boot). */
  static async open(path: string, model: string | null): Promise<PredictionsFile> {
    const handle = await openForReading(path);
    const index = new Map<string, Range>();
    const notes: IndexNotes = { unreadable: 0, duplicates: 0 };
    try {
      for await (const line of fileLines(handle, path)) {
        if (!line.text.trim()) continue;
        const id = idOf(line.text);
        if (id === undefined) {
          notes.unreadable++;
          continue;
        }
        const key = itemKey(id, undefined);
        if (index.has(key)) notes.duplicates++;
        else index.set(key, { offset: line.offset, bytes: line.bytes });
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new PredictionsFile(handle, index, { mode: 'predictions', model }, notes);
  }

  get size(): number {
    return this.index.size;
  }

  async predict(entry: Extract<SuiteEntry, { ok: true }>): Promise<Prediction> {
    const range = this.index.get(entry.key);
    const missing = (error: string): Prediction => ({ ok: false, error, text: '', format: 'plain', retries: 0 });
    if (!range) return missing('the predictions file has no line with this id');
    const row = JSON.parse(await readLineAt(this.handle, range.offset, range.bytes)) as { generation?: unknown };
    if (typeof row.generation !== 'string') return missing('the prediction\'s "generation" is not a string');
    return { ok: true, text: row.generation, format: detectFormat(row.generation), finishReason: null, retries: 0 };
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

function idOf(text: string): string | number | undefined {
  try {
    const row = JSON.parse(text) as unknown;
    if (typeof row !== 'object' || row === null) return undefined;
    const id = (row as { id?: unknown }).id;
    return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
  } catch {
    return undefined;
  }
}
