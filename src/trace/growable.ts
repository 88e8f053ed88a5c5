/** An append-only Int32Array that doubles its capacity as it grows. */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 16) {
    this.data = new Int32Array(capacity);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new Int32Array(capacity);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.data.set(values, this.length);
    this.length += values.length;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** A view of the filled part (valid until the next push). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  get byteLength(): number {
    return this.data.byteLength;
  }

  /** Give back unused capacity (once no more pushes are expected). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(this.length, 1));
  }
}

/** Index of the last element <= target in the sorted range [lo, hi) of `get`, or lo - 1. */
export function lastAtOrBefore(get: (i: number) => number, lo: number, hi: number, target: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (get(mid) <= target) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}
