/**
 * Collects one generation as it arrives: text and reasoning (reported to the caller as deltas),
 * finish reason, usage and timing; and what had arrived so far when it fails.
 */
import type { PartialOutput } from './errors.ts';
import { GenerationClock, type GenerationTiming } from './generation-clock.ts';
import type { Usage } from './schemas.ts';
import { ThinkTagSplitter } from './think-splitter.ts';

/** What one chunk (or a whole non-streamed answer) contributes. */
export interface GenerationDelta {
  text: string;
  reasoning: string;
  finishReason: string | null;
  usage: Usage | null;
}

export interface GenerationCallbacks {
  /** Each new piece of text, in order; their concatenation is the result's `text`. */
  onText?: (delta: string) => void;
  /** Each new piece of reasoning (`reasoning_content`/`reasoning` fields, `<think>` blocks in chat). */
  onReasoning?: (delta: string) => void;
}

export interface GenerationResult {
  text: string;
  reasoning: string;
  /** `stop`, `length`, … as the server reported it; null if it reported none. */
  finishReason: string | null;
  usage: Usage | null;
  timing: GenerationTiming;
  /** False when the server ignored `stream: true` and sent one JSON body. */
  streamed: boolean;
}

export class GenerationOutput {
  private text = '';
  private reasoning = '';
  private finishReason: string | null = null;
  private usage: Usage | null = null;
  private readonly clock = new GenerationClock();
  private readonly splitter: ThinkTagSplitter | null;

  constructor(
    private readonly callbacks: GenerationCallbacks,
    splitThinkTags: boolean,
  ) {
    this.splitter = splitThinkTags ? new ThinkTagSplitter() : null;
  }

  get finished(): boolean {
    return this.finishReason !== null;
  }

  add(delta: GenerationDelta): void {
    if (delta.text || delta.reasoning) this.clock.recordChunk();
    this.addReasoning(delta.reasoning);
    if (this.splitter) {
      const piece = this.splitter.push(delta.text);
      this.addReasoning(piece.reasoning);
      this.addText(piece.text);
    } else {
      this.addText(delta.text);
    }
    if (delta.finishReason) this.finishReason = delta.finishReason;
    if (delta.usage) this.usage = delta.usage;
  }

  /** The end of the response: text held back as a possible `<think>` tag is released. */
  finish(): void {
    if (!this.splitter) return;
    const piece = this.splitter.flush();
    this.addReasoning(piece.reasoning);
    this.addText(piece.text);
  }

  partial(): PartialOutput {
    const held = this.splitter?.held() ?? { text: '', reasoning: '' };
    return { text: this.text + held.text, reasoning: this.reasoning + held.reasoning };
  }

  result(streamed: boolean): GenerationResult {
    return {
      text: this.text,
      reasoning: this.reasoning,
      finishReason: this.finishReason,
      usage: this.usage,
      timing: this.clock.timing(this.usage?.completion_tokens ?? null),
      streamed,
    };
  }

  private addText(text: string): void {
    if (!text) return;
    this.text += text;
    this.callbacks.onText?.(text);
  }

  private addReasoning(reasoning: string): void {
    if (!reasoning) return;
    this.reasoning += reasoning;
    this.callbacks.onReasoning?.(reasoning);
  }
}
