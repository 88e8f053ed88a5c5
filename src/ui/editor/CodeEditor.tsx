import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { runDraft } from '../../state/run-controller.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';
import { useResolvedTheme } from '../theme.ts';
import { editorMarks } from './editor-marks.ts';
import { monaco } from './monaco-setup.ts';
import './editor.css';

type CodeEditorInstance = Parameters<OnMount>[0];

const OPTIONS: Parameters<typeof Editor>[0]['options'] = {
  minimap: { enabled: false },
  glyphMargin: true,
  fontSize: 14,
  lineNumbersMinChars: 3,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 4,
  insertSpaces: true,
  renderLineHighlight: 'none',
  ariaLabel: 'Code',
  fixedOverflowWidgets: true,
};

/** The real step where the prediction on screen first diverges from the current run. */
function divergenceStep(): number | null {
  const { prediction, diff } = usePredictionStore.getState();
  const run = useAppStore.getState().run;
  const divergence = diff?.firstDivergence;
  if (!prediction || !divergence || !run || prediction.runId !== run.id) return null;
  return prediction.stepOf(divergence.index);
}

/** Hover messages are Markdown; program values are plain text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The Python editor: the draft's code, the current step's line, breakpoints in the gutter. */
export function CodeEditor({ readOnly = false }: { readOnly?: boolean }) {
  const code = useAppStore((s) => s.draft.code);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const theme = useResolvedTheme();
  const editorRef = useRef<CodeEditorInstance | null>(null);
  const decorations = useRef<ReturnType<CodeEditorInstance['createDecorationsCollection']> | null>(null);
  const markersKey = useRef('');

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    performance.mark('editor-ready');
    decorations.current = editor.createDecorationsCollection([]);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void runDraft());
    editor.onMouseDown((event) => {
      const target = event.target;
      if (target.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || target.type === monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS) {
        if (target.position) useAppStore.getState().toggleBreakpoint(target.position.lineNumber);
      }
    });
    applyMarks();
  };

  const applyMarks = () => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !decorations.current) return;
    const marks = editorMarks({ ...useAppStore.getState(), divergenceStep: divergenceStep() });
    decorations.current.set(marks.decorations.map((d) => ({
      range: new monaco.Range(d.line, 1, d.line, 1),
      options: {
        isWholeLine: true,
        className: d.className,
        glyphMarginClassName: d.glyphClassName,
        glyphMarginHoverMessage: d.hover ? { value: escapeMarkdown(d.hover) } : undefined,
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    })));
    const key = JSON.stringify(marks.markers);
    if (key !== markersKey.current) {
      markersKey.current = key;
      monaco.editor.setModelMarkers(model, 'trace', marks.markers.map((m) => ({
        severity: monaco.MarkerSeverity.Error,
        message: m.message,
        startLineNumber: m.line,
        startColumn: m.column,
        endLineNumber: m.endLine,
        endColumn: m.endColumn,
      })));
    }
    if (marks.reveal) editor.revealLineInCenterIfOutsideViewport(marks.reveal);
  };

  useEffect(() => {
    const offApp = useAppStore.subscribe((state, previous) => {
      if (state.step !== previous.step || state.run !== previous.run || state.draft.breakpoints !== previous.draft.breakpoints || state.draft.code !== previous.draft.code) applyMarks();
    });
    let lastDivergence: number | null = null;
    const offPrediction = usePredictionStore.subscribe(() => {
      const step = divergenceStep();
      if (step !== lastDivergence) {
        lastDivergence = step;
        applyMarks();
      }
    });
    return () => {
      offApp();
      offPrediction();
    };
  }, []);

  return (
    <div className="code-editor">
      <Editor
        language="python"
        value={code}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={readOnly ? { ...OPTIONS, readOnly: true, domReadOnly: true } : OPTIONS}
        onMount={onMount}
        onChange={(value) => updateDraft({ code: value ?? '' })}
        loading={<textarea className="editor-fallback" aria-label="Code" value={code} readOnly={readOnly} onChange={(e) => updateDraft({ code: e.target.value })} spellCheck={false} />}
      />
    </div>
  );
}
