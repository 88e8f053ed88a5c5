/** Timing of one generation: time to first token and decoding rates. */

export interface GenerationTiming {
  /** From sending the request to the first text or reasoning; null if none arrived. */
  timeToFirstTokenMs: number | null;
  /** From sending the request to the end of the response. */
  totalMs: number;
  /** Pieces that carried text or reasoning (SSE chunks; 1 for a non-streamed answer). */
  chunks: number;
  /** Chunks per second after the first one; null with fewer than two chunks. */
  chunksPerSecond: number | null;
  /** `usage.completion_tokens`, when the server reported usage. */
  completionTokens: number | null;
  /** Completion tokens per second after the first token (over the whole request when not streamed); null without usage. */
  tokensPerSecond: number | null;
}

export class GenerationClock {
  private readonly startedAt = performance.now();
  private firstAt: number | null = null;
  private chunks = 0;

  /** A piece with text or reasoning arrived. */
  recordChunk(): void {
    this.chunks++;
    this.firstAt ??= performance.now();
  }

  timing(completionTokens: number | null): GenerationTiming {
    const endedAt = performance.now();
    const totalMs = endedAt - this.startedAt;
    const decodingMs = this.firstAt === null ? 0 : endedAt - this.firstAt;
    const decoding = this.chunks > 1 && decodingMs > 0;
    let tokensPerSecond: number | null = null;
    if (completionTokens !== null && completionTokens > 0) {
      if (decoding) tokensPerSecond = ((completionTokens - 1) / decodingMs) * 1000;
      else if (totalMs > 0) tokensPerSecond = (completionTokens / totalMs) * 1000;
    }
    return {
      timeToFirstTokenMs: this.firstAt === null ? null : this.firstAt - this.startedAt,
      totalMs,
      chunks: this.chunks,
      chunksPerSecond: decoding ? ((this.chunks - 1) / decodingMs) * 1000 : null,
      completionTokens,
      tokensPerSecond,
    };
  }
}
