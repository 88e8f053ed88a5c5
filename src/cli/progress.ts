import type { BootInfo } from '../engine/protocol.ts';
import { RUNTIMES } from '../engine/runtimes.ts';

/** Suite progress on stderr: a live line on a terminal (done/total, rate, ETA), a summary at the end. */

const REDRAW_MS = 200;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : noun + 's';
}

export class Progress {
  private done = 0;
  private errors = 0;
  private readonly started = performance.now();
  private lastDraw = 0;

  /**
   * Start counting (after the boot). `live`: redraw one status line (stderr is a terminal).
   * `total`: number of items, null when unknown (stdin).
   */
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly live: boolean,
    private readonly total: number | null,
    private readonly boot: BootInfo,
  ) {}

  /** One item finished. */
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    if (!this.live) return;
    const now = performance.now();
    if (now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.stream.write('\r\x1b[K' + this.status(now));
  }

  private rate(now: number): number {
    const seconds = (now - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private status(now: number): string {
    const rate = this.rate(now);
    const count = this.total === null ? `${this.done}` : `${this.done}/${this.total}`;
    const eta = this.total !== null && rate > 0 ? ` · ETA ${duration((this.total - this.done) / rate)}` : '';
    return `trace: ${count} ${plural(this.total ?? this.done, 'item')} · ${rate.toFixed(1)}/s${eta}${this.errors ? ` · ${this.errors} with errors` : ''}`;
  }

  /** Clear the live line and print one summary line. */
  finish(): void {
    const now = performance.now();
    if (this.live) this.stream.write('\r\x1b[K');
    const seconds = ((now - this.started) / 1000).toFixed(1);
    const errors = this.errors === 1 ? '1 with an error' : `${this.errors} with errors`;
    const booted = `${RUNTIMES[this.boot.runtime].label} booted in ${(this.boot.bootMs / 1000).toFixed(1)} s`;
    this.stream.write(`trace: ${this.done} ${plural(this.done, 'item')} in ${seconds} s (${this.rate(now).toFixed(1)}/s; ${booted}), ${errors}\n`);
  }
}
