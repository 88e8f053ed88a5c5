import { GrowableInt32 } from './growable.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Interned strings as one UTF-8 byte buffer plus offsets: ~1 byte per ASCII character instead
 * of a JS string object each. Strings arrive in batches, in id order, each ended by a NUL byte.
 */
export class StringTable {
  private bytes = new Uint8Array(1024);
  private used = 0;
  private readonly starts = new GrowableInt32(256);
  private readonly cache = new Map<number, string>();

  get size(): number {
    return this.starts.length;
  }

  get byteLength(): number {
    return this.bytes.byteLength + this.starts.byteLength;
  }

  /** Append NUL-terminated UTF-8 strings. */
  appendTerminated(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.used + chunk.length > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < this.used + chunk.length) capacity *= 2;
      const next = new Uint8Array(capacity);
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.bytes.set(chunk, this.used);
    let start = this.used;
    const end = this.used + chunk.length;
    for (let i = this.used; i < end; i++) {
      if (this.bytes[i] === 0) {
        this.starts.push(start);
        start = i + 1;
      }
    }
    this.used = end;
  }

  appendStrings(strings: readonly string[]): void {
    if (strings.length) this.appendTerminated(encoder.encode(strings.map((s) => s + '\0').join('')));
  }

  /** Give back unused capacity (once the run has ended). */
  trim(): void {
    if (this.bytes.length > this.used) this.bytes = this.bytes.slice(0, Math.max(this.used, 1));
    this.starts.trim();
  }

  get(id: number): string {
    if (id < 0 || id >= this.starts.length) throw new RangeError(`no string ${id}`);
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const start = this.starts.get(id);
    const end = id + 1 < this.starts.length ? this.starts.get(id + 1) - 1 : this.used - 1;
    const text = decoder.decode(this.bytes.subarray(start, end));
    if (this.cache.size >= 4096) this.cache.clear();
    this.cache.set(id, text);
    return text;
  }
}
