/** What the editor shows for the current state: line highlights, gutter glyphs, error markers. */
import type { AppState } from '../../state/app-store.ts';
import { FILE_CODE } from '../../trace/types.ts';

export interface LineDecoration {
  line: number;
  className?: string;
  glyphClassName?: string;
  hover?: string;
}

export interface ErrorMarker {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface EditorMarks {
  decorations: LineDecoration[];
  markers: ErrorMarker[];
  /** A line to scroll into view. */
  reveal: number | null;
}

type MarksInput = Pick<AppState, 'draft' | 'run' | 'step'> & {
  /** The real step where the prediction first diverges, if any. */
  divergenceStep?: number | null;
};

export function editorMarks({ draft, run, step, divergenceStep = null }: MarksInput): EditorMarks {
  const decorations: LineDecoration[] = draft.breakpoints.map((line) => ({ line, glyphClassName: 'glyph-breakpoint', hover: 'Breakpoint (click to remove)' }));
  const markers: ErrorMarker[] = [];
  let reveal: number | null = null;
  if (!run || run.code !== draft.code) return { decorations, markers, reveal };
  const outcome = run.outcome;
  if (outcome?.reason === 'syntax error' && outcome.where !== 'call' && outcome.line) {
    const column = outcome.column ?? 1;
    markers.push({
      line: outcome.line, column, endLine: outcome.endLine ?? outcome.line,
      endColumn: outcome.endColumn && outcome.endColumn > column ? outcome.endColumn : column + 1,
      message: `${outcome.type ?? 'SyntaxError'}: ${outcome.message ?? ''}`,
    });
    decorations.push({ line: outcome.line, className: 'line-raised', glyphClassName: 'glyph-raised' });
    return { decorations, markers, reveal: outcome.line };
  }
  const store = run.store;
  if (step >= run.steps || run.steps === 0) return { decorations, markers, reveal };
  const inCode = (s: number) => store.frameFile(store.frameId(s)) === FILE_CODE;
  for (const s of store.exceptionStepsUpTo(step)) {
    if (inCode(s)) decorations.push({ line: store.line(s), className: 'line-raised', glyphClassName: 'glyph-raised', hover: store.value(s)?.text });
  }
  if (inCode(step) && store.line(step) > 0) {
    const line = store.line(step);
    const kind = store.kind(step);
    decorations.push({ line, className: kind === 'exception' ? 'line-current line-raised' : 'line-current', glyphClassName: 'glyph-current' });
    reveal = line;
  }
  if (divergenceStep !== null && divergenceStep < run.steps && inCode(divergenceStep) && store.line(divergenceStep) > 0) {
    decorations.push({ line: store.line(divergenceStep), glyphClassName: 'glyph-diverge', hover: `The prediction first diverges here (step ${divergenceStep + 1})` });
  }
  const next = step + 1;
  if (next < run.steps && inCode(next) && store.line(next) > 0 && store.line(next) !== store.line(step)) {
    decorations.push({ line: store.line(next), className: 'line-next', glyphClassName: 'glyph-next', hover: 'Runs next' });
  }
  if (outcome?.reason === 'uncaught exception' && outcome.line && step === run.steps - 1) {
    markers.push({ line: outcome.line, column: 1, endLine: outcome.line, endColumn: 1000, message: `${outcome.type}: ${outcome.message ?? ''}` });
  }
  return { decorations, markers, reveal };
}
