import type { CompareMode, TraceFrame } from './frame.ts';
import { frameDifferences, frameStatus } from './frame-compare.ts';
import { emptyCounts, STEP_STATUSES, type Divergence, type FieldDifference, type StatusCounts, type StepStatus, type TraceDiff } from './diff-types.ts';
import { divergenceOf, lengthDivergence } from './divergence.ts';

/**
 * The diff of a prediction that streams in, frame by frame, against a complete real trace:
 * each push costs one frame comparison; statuses live in a byte array; the detailed differences
 * are computed only for the first divergence (and on demand for any other position).
 * Agrees with diffTraces (diff.ts) on every prefix.
 */
export class DiffState {
  private codes = new Uint8Array(256);
  private readonly predicted: TraceFrame[] = [];
  private readonly tally: StatusCounts = emptyCounts();
  /** The first divergence, when it is a frame's (not a length's). */
  private firstFrame: Divergence | null = null;
  /** Which trace ended first, when the first divergence is a length's. */
  private firstEnded: 'predicted' | 'real' | null = null;
  private done = false;

  constructor(
    readonly real: readonly TraceFrame[],
    readonly mode: CompareMode = 'strict',
  ) {}

  /** Number of predicted frames pushed. */
  get predictedLength(): number {
    return this.predicted.length;
  }

  /** Number of positions with a status: the predicted frames, plus the missing ones after end(). */
  get length(): number {
    return this.done ? Math.max(this.predicted.length, this.real.length) : this.predicted.length;
  }

  get ended(): boolean {
    return this.done;
  }

  get firstDivergence(): Divergence | null {
    if (this.firstEnded !== null) return lengthDivergence(this.firstEnded, this.real.length, this.predicted.length);
    return this.firstFrame;
  }

  private get diverged(): boolean {
    return this.firstFrame !== null || this.firstEnded !== null;
  }

  get counts(): Readonly<StatusCounts> {
    return this.tally;
  }

  /** Compares the next predicted frame with the real frame at its position. */
  push(frame: TraceFrame): StepStatus {
    if (this.done) throw new Error('DiffState: push() after end()');
    const index = this.predicted.length;
    this.predicted.push(frame);
    const status: StepStatus = index < this.real.length ? frameStatus(this.real[index], frame, this.mode) : 'extra';
    this.record(index, status);
    if (!this.diverged && status !== 'match') {
      if (status === 'extra') this.firstEnded = 'real';
      else this.firstFrame = { index, ...divergenceOf(frameDifferences(this.real[index], frame, this.mode)) };
    }
    return status;
  }

  pushAll(frames: readonly TraceFrame[]): void {
    for (const frame of frames) this.push(frame);
  }

  /** The prediction is complete: real frames after its end are missing. Idempotent. */
  end(): void {
    if (this.done) return;
    this.done = true;
    const from = this.predicted.length;
    for (let index = from; index < this.real.length; index++) this.record(index, 'missing');
    if (!this.diverged && from < this.real.length) this.firstEnded = 'predicted';
  }

  statusAt(index: number): StepStatus | undefined {
    return index < this.length ? STEP_STATUSES[this.codes[index]] : undefined;
  }

  statuses(): StepStatus[] {
    const out = new Array<StepStatus>(this.length);
    for (let i = 0; i < out.length; i++) out[i] = STEP_STATUSES[this.codes[i]];
    return out;
  }

  /** Everything that differs at a position (empty for a match). */
  differencesAt(index: number): FieldDifference[] {
    const status = this.statusAt(index);
    if (status === undefined || status === 'match') return [];
    if (status === 'extra' || status === 'missing') {
      return [{ field: 'length', ended: status === 'extra' ? 'real' : 'predicted', real: this.real.length, predicted: this.predicted.length }];
    }
    return frameDifferences(this.real[index], this.predicted[index], this.mode);
  }

  /** A snapshot in the shape diffTraces returns. */
  result(): TraceDiff {
    return {
      statuses: this.statuses(),
      firstDivergence: this.firstDivergence,
      counts: { ...this.tally },
      realLength: this.real.length,
      predictedLength: this.predicted.length,
      ended: this.done,
    };
  }

  private record(index: number, status: StepStatus): void {
    if (index >= this.codes.length) {
      const grown = new Uint8Array(Math.max(this.codes.length * 2, index + 1));
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[index] = STEP_STATUSES.indexOf(status);
    this.tally[status]++;
  }
}
