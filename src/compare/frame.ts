/**
 * The normalized frame model both sides of a comparison map into: the real trace (the engine's
 * CWM text, see real.ts) and a predicted one (CWM text via from-cwm.ts; other formats can build
 * the same frames). Pure data: no DOM, no engine.
 */

export type FrameKind = 'call' | 'line' | 'return' | 'exception';

/** strict: exact repr text; lenient: see repr/canonical.ts and values.ts. */
export type CompareMode = 'strict' | 'lenient';

/** The placeholder for "repr unchanged since the previous frame of the same scope". */
export const ELIDED = '..';

export interface TraceLocal {
  readonly name: string;
  /** repr text with `..` resolved; null when a `..` could not be resolved. */
  readonly value: string | null;
  /** Written as `..` (the `..`-compressed form of the frame). */
  readonly elided: boolean;
}

export interface TraceFrame {
  /** null: the frame has no (known) kind. */
  readonly kind: FrameKind | null;
  /** The source line, without its trailing newline; null when the format gives none (or it is missing). */
  readonly action: string | null;
  /** 1-based line number, when the format gives one (real traces always have it). */
  readonly line: number | null;
  /** Scope depth (0: the scope the trace starts in), when known. */
  readonly depth: number | null;
  /** call/line: the locals in written order; null for return/exception frames and unreadable locals. */
  readonly locals: readonly TraceLocal[] | null;
  /** return/exception: the value's repr text; null otherwise or when unreadable. */
  readonly value: string | null;
  /**
   * The frame's structure is complete: kind, action separator (and value separator for
   * return/exception), and terminated. Its content may still be bad (see `malformed`).
   */
  readonly wellFormed: boolean;
  /** Why the frame is malformed (structure or content), for a person; null when it is fine. */
  readonly malformed: string | null;
}

/** Whether a kind of frame carries locals. */
export function hasLocals(kind: FrameKind | null): boolean {
  return kind === 'call' || kind === 'line';
}

/** A local as written in the `..`-compressed form. */
export function writtenValue(local: TraceLocal): string {
  return local.elided || local.value === null ? ELIDED : local.value;
}
