import { useRef } from 'react';
import { EXAMPLES, type Example } from '../../examples/examples.ts';
import { useAppStore } from '../../state/app-store.ts';
import { useDismissableDetails } from '../use-dismiss.ts';
import { runDraft } from '../../state/run-controller.ts';

/** Open an example with one click: it replaces the draft (which stays one click away) and runs. */
export function ExamplesMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  useDismissableDetails(menu);
  const open = (example: Example) => {
    const { draft, updateDraft } = useAppStore.getState();
    useAppStore.setState({ previousDraft: draft });
    updateDraft({ code: example.code, call: example.call ?? '', stdin: example.stdin ?? '', breakpoints: [], ...(example.runtime ? { runtime: example.runtime } : {}) });
    if (menu.current) menu.current.open = false;
    void runDraft();
  };
  return (
    <details className="examples-menu" ref={menu}>
      <summary>Examples</summary>
      <ul aria-label="Examples">
        {EXAMPLES.map((example) => (
          <li key={example.id}>
            <button type="button" onClick={() => open(example)}>
              <strong>{example.title}</strong>
              <span className="muted">{example.lesson.replace(/`/g, '')}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
