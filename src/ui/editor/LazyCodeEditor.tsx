import { lazy, Suspense } from 'react';
import { useAppStore } from '../../state/app-store.ts';

// Monaco is most of the JavaScript: it loads in its own chunk while the rest of the page is
// already up, and the plain text area below is the editor until then.
const loadCodeEditor = () => import('./CodeEditor.tsx').then((module) => ({ default: module.CodeEditor }));
const CodeEditor = lazy(loadCodeEditor);

/** Start loading Monaco at once (called before the first render). */
export function preloadCodeEditor(): void {
  void loadCodeEditor();
}

function PlainEditor({ readOnly }: { readOnly: boolean }) {
  const code = useAppStore((s) => s.draft.code);
  const updateDraft = useAppStore((s) => s.updateDraft);
  return (
    <div className="code-editor">
      <textarea className="editor-fallback" aria-label="Code" value={code} readOnly={readOnly} onChange={(e) => updateDraft({ code: e.target.value })} spellCheck={false} />
    </div>
  );
}

export function LazyCodeEditor({ readOnly = false }: { readOnly?: boolean }) {
  return (
    <Suspense fallback={<PlainEditor readOnly={readOnly} />}>
      <CodeEditor readOnly={readOnly} />
    </Suspense>
  );
}
