import { useAppStore } from '../../state/app-store.ts';
import { STEP_CAP_CHOICES } from '../../state/draft.ts';
import { runDraft, stopRun, switchRuntime } from '../../state/run-controller.ts';
import { RUNTIME_IDS, RUNTIMES, type RuntimeId } from '../../engine/runtimes.ts';
import { Icon } from '../Icon.tsx';
import './controls.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Run / Stop and what a run takes: runtime, entry call, stdin, step limit. */
export function RunBar() {
  const draft = useAppStore((s) => s.draft);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const engine = useAppStore((s) => s.engine);
  const running = engine.state === 'running' || engine.state === 'awaiting-input';
  // Asking the user in the middle of a run needs shared memory (a cross-origin-isolated page).
  const interactive = engine.state === 'booting' || engine.state === 'failed' || engine.info.canInterrupt;
  const callError = useAppStore((s) => (s.run?.outcome?.reason === 'syntax error' && s.run.outcome.where === 'call' ? s.run.outcome : null));

  return (
    <div className="run-bar">
      <div className="run-bar-row">
        <button type="button" className="primary" onClick={() => void runDraft()} disabled={running} title={`Run (${isMac ? '⌘' : 'Ctrl'}+Enter)`}>
          <Icon name="run" size={14} /> Run
        </button>
        <button type="button" onClick={stopRun} disabled={!running} title="Stop the running program; the steps so far are kept">
          <Icon name="stop" size={12} /> Stop
        </button>
        <label className="field">
          <span>Runtime</span>
          <select value={draft.runtime} onChange={(e) => void switchRuntime(e.target.value as RuntimeId)} title={RUNTIMES[draft.runtime].note}>
            {RUNTIME_IDS.map((id) => <option key={id} value={id}>{RUNTIMES[id].label}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Step limit</span>
          <select value={draft.maxSteps} onChange={(e) => updateDraft({ maxSteps: Number(e.target.value) })}>
            {[...new Set([...STEP_CAP_CHOICES, draft.maxSteps])].sort((a, b) => a - b).map((n) => (
              <option key={n} value={n}>{n.toLocaleString('en-US')}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="run-bar-row">
        <label className="field grow">
          <span>Call</span>
          <input
            type="text"
            className="mono"
            value={draft.call}
            onChange={(e) => updateDraft({ call: e.target.value })}
            placeholder="empty: run the whole module — or a call such as f([1, 2])"
            aria-invalid={callError ? true : undefined}
            spellCheck={false}
          />
        </label>
      </div>
      {callError && <p className="field-error" role="alert">Call expression: {callError.type}: {callError.message} (column {callError.column})</p>}
      <details className="stdin" open={draft.stdin.length > 0}>
        <summary>Stdin {draft.stdin ? `(${draft.stdin.split('\n').filter(Boolean).length} lines)` : interactive ? '(empty: input() asks you)' : '(empty: input() reads end of file — this page cannot pause Python to ask)'}</summary>
        <textarea aria-label="Stdin" className="mono" rows={3} value={draft.stdin} onChange={(e) => updateDraft({ stdin: e.target.value })} spellCheck={false} />
      </details>
    </div>
  );
}
