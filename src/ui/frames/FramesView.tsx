import { useMemo, useState } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { stepActions } from '../../state/step-actions.ts';
import type { TraceStore } from '../../trace/store.ts';
import { FILE_ENTRY, type FrameView } from '../../trace/types.ts';
import { Icon } from '../Icon.tsx';
import './frames.css';

function frameTitle(frame: FrameView): string {
  if (frame.name === '<module>') return 'Global frame';
  if (frame.file === FILE_ENTRY && frame.name === 'main') return 'main() — the call wrapper';
  return `${frame.name}()`;
}

function ReturnRow({ store, step }: { store: TraceStore; step: number }) {
  const kind = store.kind(step);
  if (kind !== 'return' && kind !== 'exception') return null;
  if (kind === 'return' && store.frameName(store.frameId(step)) === '<module>') return null; // a module "returns" None
  const value = store.value(step);
  return (
    <tr className={`frame-result kind-${kind}`}>
      <th scope="row">{kind === 'return' ? (store.isYield(step) ? 'yields' : 'returns') : 'raises'}</th>
      <td className="mono">{value?.text ?? 'None'}</td>
      <td />
    </tr>
  );
}

/** The call stack at the current step: each frame with its variables, innermost first. */
export function FramesView() {
  const run = useAppStore((s) => s.run);
  const step = useAppStore((s) => s.step);
  const [notice, setNotice] = useState<string | null>(null);
  const steps = run?.steps ?? 0;
  const current = Math.min(step, steps - 1);
  const stack = useMemo(() => (run && steps > 0 ? run.store.stack(current) : []), [run, steps, current]);
  if (!run || steps === 0) return <p className="muted frames-empty">Run the program to see its frames and variables.</p>;

  const watch = (slot: number, name: string) => {
    setNotice(stepActions.nextChangeOf(slot) ? null : `${name} does not change after this step.`);
  };

  return (
    <div className="frames">
      {notice && <p className="frames-notice" role="status">{notice}</p>}
      {stack.map((frame, index) => (
        <section key={frame.activation} className={`frame${index === 0 ? ' frame-current' : ''}`} aria-label={`Frame ${frameTitle(frame)}`}>
          <h3>
            {frameTitle(frame)}
            {frame.line > 0 && frame.file !== FILE_ENTRY && <span className="muted"> line {frame.line}</span>}
          </h3>
          <table>
            <tbody>
              {frame.variables.map((variable) => (
                <tr key={variable.slot} className={variable.changed && index === 0 ? 'changed' : undefined}>
                  <th scope="row" className="mono">{variable.name}</th>
                  <td className="mono value">{variable.value}</td>
                  <td>
                    <button type="button" className="watch" aria-label={`Jump to the next change of ${variable.name}`} title={`Jump to the next step where ${variable.name} changes`} onClick={() => watch(variable.slot, variable.name)}>
                      <Icon name="watch" size={12} />
                    </button>
                  </td>
                </tr>
              ))}
              {index === 0 && <ReturnRow store={run.store} step={current} />}
              {frame.variables.length === 0 && index !== 0 && (
                <tr><td colSpan={3} className="muted">no variables</td></tr>
              )}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
