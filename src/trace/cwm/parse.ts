import { quote } from './frame-json.ts';
import { frameKindOf, readFrame, type CwmFrame } from './frame.ts';
import { CwmTokenStream, type StreamPiece } from './token-stream.ts';

/**
 * Incremental, tolerant parser of CWM trace text (docs: ../shared/docs/cwm-trace-format.md), for
 * the engine's own text and for a model's streamed prediction. Feed chunks as they arrive; each
 * call returns the frames the chunk completed. Each character is scanned once: only the current
 * frame's text (and a possibly split special token) is kept between chunks.
 *
 * Tolerated and skipped: anything before the first frame-kind token (prose, ``` fences, a
 * `<think>…</think>` block), a prompt prefix `<|begin_of_text|><|trace_context_start|>…<|frame_sep|>`,
 * whitespace between frames, text after the last frame that contains no special token (a closing
 * fence), and anything after `<|end_of_text|>`. A malformed frame is reported as a frame with an
 * `error`, in its place; the frames after it still parse.
 */

export type { CwmFrame, CwmFrameKind, CwmLocal } from './frame.ts';

export interface CwmParseResult {
  frames: CwmFrame[];
  /** `<|end_of_text|>` was seen: the model ended the trace. */
  ended: boolean;
}

/** preamble: before the first frame; think: inside `<think>…</think>`; context: inside a prompt's source context. */
type Phase = 'preamble' | 'think' | 'context' | 'frames' | 'ended';

export class CwmParser {
  private readonly tokens = new CwmTokenStream();
  private phase: Phase = 'preamble';
  /** The current frame's pieces (its leading whitespace skipped), and where it started. */
  private pieces: StreamPiece[] = [];
  private start = -1;
  private count = 0;
  private offset = 0;
  private done = false;

  /** `<|end_of_text|>` was seen. */
  get ended(): boolean {
    return this.phase === 'ended';
  }

  /** Frames returned so far. */
  get frameCount(): number {
    return this.count;
  }

  /** Text of the frame being received, so far (for showing a frame as it streams in). */
  get pendingText(): string {
    return this.pieces.map((piece) => piece.text).join('');
  }

  /** The frames this chunk completed. */
  push(chunk: string): CwmFrame[] {
    if (this.done) throw new Error('CwmParser: push() after end()');
    return this.consume(this.tokens.push(chunk));
  }

  /** Flushes the stream: a last frame without `<|frame_sep|>` is returned with `complete: false`. */
  end(): CwmFrame[] {
    if (this.done) return [];
    this.done = true;
    // At most one piece: a special token cut off by the end of the stream (`<|frame_`).
    const [cut] = this.tokens.end();
    if (this.phase !== 'frames') return [];
    if (this.pieces.length ? !this.pendingIsFrame() : cut === undefined) return [];
    const end = cut ? cut.start + cut.text.length : this.offset;
    return [this.finish(end, '', cut)];
  }

  private consume(pieces: StreamPiece[]): CwmFrame[] {
    const frames: CwmFrame[] = [];
    for (const piece of pieces) {
      this.offset = piece.start + piece.text.length;
      if (piece.type === 'text') {
        if (this.phase === 'frames') this.addText(piece.text, piece.start);
        continue;
      }
      switch (this.phase) {
        case 'preamble':
          if (piece.token === 'thinkStart') this.phase = 'think';
          else if (piece.token === 'traceContextStart') this.phase = 'context';
          else if (piece.token === 'endOfText') this.phase = 'ended';
          else if (frameKindOf(piece.token)) {
            this.phase = 'frames';
            this.addToken(piece);
          }
          break;
        case 'think':
          if (piece.token === 'thinkEnd') this.phase = 'preamble';
          break;
        case 'context':
          if (piece.token === 'frameSep') this.phase = 'preamble';
          break;
        case 'frames':
          if (piece.token === 'frameSep') frames.push(this.finish(this.offset, piece.text));
          else if (piece.token === 'endOfText') {
            // A frame the model ended with `<|end_of_text|>` instead of `<|frame_sep|>`.
            if (this.pendingIsFrame()) frames.push(this.finish(piece.start, ''));
            this.phase = 'ended';
          } else if (piece.token === 'thinkStart' || piece.token === 'thinkEnd') this.addText(piece.text, piece.start);
          else this.addToken(piece);
          break;
        case 'ended':
          break;
      }
    }
    return frames;
  }

  private addText(text: string, start: number): void {
    if (this.pieces.length === 0) {
      const skip = text.length - text.trimStart().length;
      if (skip === text.length) return;
      text = text.slice(skip);
      start += skip;
      this.start = start;
    }
    this.pieces.push({ type: 'text', text, start });
  }

  private addToken(piece: StreamPiece): void {
    if (this.pieces.length === 0) this.start = piece.start;
    this.pieces.push(piece);
  }

  /** Whether text after the last frame is a frame (cut short) rather than trailing prose or a fence. */
  private pendingIsFrame(): boolean {
    return this.pieces.some((piece) => piece.type === 'token') || this.pendingText.startsWith('<|');
  }

  /**
   * The current frame, ended at `end` by `separator` (`''`: not ended by `<|frame_sep|>`). A token
   * cut off by the end of the stream is part of the frame's raw text but not of its content.
   */
  private finish(end: number, separator: string, cut?: StreamPiece): CwmFrame {
    const content = readFrame(this.pieces);
    if (this.pieces.length === 0 && cut) content.error = `cut off inside a special token: ${quote(cut.text)}`;
    const frame: CwmFrame = {
      index: this.count++,
      ...content,
      complete: separator !== '',
      start: this.pieces.length ? this.start : end - separator.length - (cut?.text.length ?? 0),
      end,
      raw: this.pendingText + (cut?.text ?? '') + separator,
    };
    this.pieces = [];
    this.start = -1;
    return frame;
  }
}

/** Parses a whole text at once. */
export function parseCwm(text: string): CwmParseResult {
  const parser = new CwmParser();
  const frames = [...parser.push(text), ...parser.end()];
  return { frames, ended: parser.ended };
}
