/**
 * Progress of an eval run on stderr: on a terminal, a bar redrawn in place (done/total, rate, ETA,
 * errors, retries); otherwise a plain line at every tenth of the suite (every 100 items when the
 * total is unknown). One summary line at the end.
 */

const REDRAW_MS = 200;
const BAR_WIDTH = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export class EvalProgress {
  private done = 0;
  private skipped = 0;
  private errors = 0;
  private retries = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastTenth = 0;

  /** `live`: stderr is a terminal. `total`: the suite's items, null when unknown. */
  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly live: boolean,
    private readonly total: number | null,
  ) {}

  /** An item results.jsonl already had. */
  skip(): void {
    this.skipped++;
    this.update();
  }

  /** An item finished (`failed`: with an error). */
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.errors++;
    this.update();
  }

  retried(): void {
    this.retries++;
  }

  private update(): void {
    if (this.live) {
      const now = performance.now();
      if (now - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = now;
      this.stream.write('\r\x1b[K' + this.bar(now));
      return;
    }
    const finished = this.done + this.skipped;
    if (this.total === null) {
      if (this.done > 0 && this.done % 100 === 0) this.stream.write(`eval: ${this.status(performance.now())}\n`);
      return;
    }
    const tenth = Math.floor((10 * finished) / Math.max(this.total, 1));
    if (tenth > this.lastTenth && this.done > 0) {
      this.lastTenth = tenth;
      this.stream.write(`eval: ${this.status(performance.now())}\n`);
    }
  }

  private rate(now: number): number {
    const seconds = (now - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private status(now: number): string {
    const finished = this.done + this.skipped;
    const rate = this.rate(now);
    const parts = [this.total === null ? count(finished, 'item', 'items') : `${finished}/${this.total} items (${Math.floor((100 * finished) / Math.max(this.total, 1))}%)`];
    parts.push(`${rate.toFixed(1)}/s`);
    if (this.total !== null && rate > 0) parts.push(`ETA ${duration((this.total - finished) / rate)}`);
    if (this.skipped) parts.push(`${this.skipped} already done`);
    if (this.errors) parts.push(count(this.errors, 'error', 'errors'));
    if (this.retries) parts.push(count(this.retries, 'retry', 'retries'));
    return parts.join(' · ');
  }

  private bar(now: number): string {
    const finished = this.done + this.skipped;
    const filled = this.total ? Math.round((BAR_WIDTH * finished) / Math.max(this.total, 1)) : 0;
    const bar = this.total ? `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ` : '';
    return `eval ${bar}${this.status(now)}`;
  }

  /** Clears the bar and prints one summary line. */
  finish(): void {
    const now = performance.now();
    if (this.live) this.stream.write('\r\x1b[K');
    const seconds = ((now - this.started) / 1000).toFixed(1);
    const already = this.skipped ? `; ${count(this.skipped, 'item was', 'items were')} already done` : '';
    const retries = this.retries ? `, ${count(this.retries, 'retry', 'retries')}` : '';
    this.stream.write(`eval: ${count(this.done, 'item', 'items')} in ${seconds} s (${this.rate(now).toFixed(1)}/s), ${count(this.errors, 'with an error', 'with errors')}${retries}${already}\n`);
  }
}
