import { GrowableInt32, lastAtOrBefore } from './growable.ts';
import { OUTPUT_STREAMS, type OutputStream } from './types.ts';

/** What a run printed: the text, its runs by stream, and how much of it existed at each step. */
export class OutputLog {
  private readonly chunks: string[] = [];
  private cache: string | null = '';
  private readonly streamEnds = new GrowableInt32(); // output length at the end of each stream run
  private readonly streamKinds = new GrowableInt32();
  private readonly markSteps = new GrowableInt32(); // from this step on…
  private readonly markLengths = new GrowableInt32(); // …this much output exists
  length = 0;

  append(text: string, streams: Int32Array): void {
    if (!text) return;
    this.chunks.push(text);
    this.cache = null;
    for (let i = 0; i < streams.length; i += 2) {
      this.length += streams[i + 1];
      const last = this.streamKinds.length - 1;
      if (last >= 0 && this.streamKinds.get(last) === streams[i]) {
        this.streamEnds.view()[last] = this.length;
      } else {
        this.streamKinds.push(streams[i]);
        this.streamEnds.push(this.length);
      }
    }
  }

  /** From `step` on, `length` units of output exist. */
  mark(step: number, length: number): void {
    this.markSteps.push(step);
    this.markLengths.push(length);
  }

  get text(): string {
    if (this.cache === null) {
      this.cache = this.chunks.join('');
      this.chunks.length = 0;
      this.chunks.push(this.cache);
    }
    return this.cache;
  }

  /** Output length (UTF-16 units) printed before a step ran. */
  lengthAt(step: number): number {
    const i = lastAtOrBefore((k) => this.markSteps.get(k), 0, this.markSteps.length, step);
    return i < 0 ? 0 : this.markLengths.get(i);
  }

  /** Runs of output by stream, [start, end) in UTF-16 units, overlapping [from, to) (all by default). */
  runs(from = 0, to = Infinity): { stream: OutputStream; start: number; end: number }[] {
    const runs = [];
    const first = lastAtOrBefore((i) => this.streamEnds.get(i), 0, this.streamEnds.length, from) + 1;
    for (let i = first; i < this.streamKinds.length; i++) {
      const start = i > 0 ? this.streamEnds.get(i - 1) : 0;
      if (start >= to) break;
      const kind = this.streamKinds.get(i) as keyof typeof OUTPUT_STREAMS;
      runs.push({ stream: OUTPUT_STREAMS[kind] ?? 'stdout', start, end: this.streamEnds.get(i) });
    }
    return runs;
  }

  columns(): GrowableInt32[] {
    return [this.streamEnds, this.streamKinds, this.markSteps, this.markLengths];
  }
}
