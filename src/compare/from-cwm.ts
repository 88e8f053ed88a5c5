import { CwmParser, type CwmFrame } from '../trace/cwm/parse.ts';
import { CwmDotResolver } from '../trace/cwm/resolve.ts';
import { CWM } from '../trace/cwm/tokens.ts';
import type { TraceFrame } from './frame.ts';

/**
 * Parsed CWM frames → TraceFrames: `..` resolved within each scope (CwmDotResolver), the action
 * without its trailing newline, the scope depth. One frame at a time, for streams.
 */
export class CwmFrameMapper {
  private readonly resolver = new CwmDotResolver();

  /**
   * `context`: frames that precede the mapped ones without being mapped, so scopes and `..` resolve
   * as in the full trace — e.g. the seeded `main()` call frame of a CWM prompt (see prompt.ts).
   */
  constructor(context: readonly CwmFrame[] = []) {
    for (const frame of context) this.resolver.push(frame);
  }

  push(frame: CwmFrame): TraceFrame {
    const resolved = this.resolver.push(frame);
    const kind = frame.kind;
    const valued = kind === 'return' || kind === 'exception';
    const wellFormed = kind !== null && frame.action !== null && frame.complete && (!valued || frame.raw.includes(CWM.argSep));
    return {
      kind,
      action: frame.action === null ? null : frame.action.endsWith('\n') ? frame.action.slice(0, -1) : frame.action,
      line: null,
      depth: kind === null ? null : resolved.depth,
      locals: resolved.locals,
      value: frame.value,
      wellFormed,
      malformed: frame.error ?? (frame.complete ? null : 'the frame is cut off: no <|frame_sep|> after it'),
    };
  }
}

/** Maps a whole sequence of parsed CWM frames (see CwmFrameMapper for `context`). */
export function traceFramesFromCwm(frames: readonly CwmFrame[], context: readonly CwmFrame[] = []): TraceFrame[] {
  const mapper = new CwmFrameMapper(context);
  return frames.map((frame) => mapper.push(frame));
}

/** CWM text → TraceFrames, chunk by chunk: CwmParser and CwmFrameMapper together. */
export class CwmTraceReader {
  private readonly parser = new CwmParser();
  private readonly mapper: CwmFrameMapper;

  /** `context`: CWM text of frames that precede the stream, e.g. the prompt's seeded main() call. */
  constructor(context = '') {
    const parser = new CwmParser();
    this.mapper = new CwmFrameMapper(context ? [...parser.push(context), ...parser.end()] : []);
  }

  /** `<|end_of_text|>` was seen. */
  get ended(): boolean {
    return this.parser.ended;
  }

  /** The frames this chunk completed. */
  push(chunk: string): TraceFrame[] {
    return this.map(this.parser.push(chunk));
  }

  /** Flushes the stream: a last frame cut off by its end comes back malformed. */
  end(): TraceFrame[] {
    return this.map(this.parser.end());
  }

  private map(frames: CwmFrame[]): TraceFrame[] {
    const out: TraceFrame[] = new Array<TraceFrame>(frames.length);
    for (let i = 0; i < frames.length; i++) out[i] = this.mapper.push(frames[i]);
    return out;
  }
}

/** Parses a whole CWM text into TraceFrames. */
export function readCwmTrace(text: string, context = ''): { frames: TraceFrame[]; ended: boolean } {
  const reader = new CwmTraceReader(context);
  const frames = [...reader.push(text), ...reader.end()];
  return { frames, ended: reader.ended };
}
