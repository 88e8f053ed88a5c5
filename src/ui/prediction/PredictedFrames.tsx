import { useAppStore } from '../../state/app-store.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';
import type { TraceFrame } from '../../compare/index.ts';
import { positionAtStep } from '../../state/prediction-sink.ts';

const WINDOW = 30;

function frameSummary(frame: TraceFrame): string {
  if (frame.kind === 'return' || frame.kind === 'exception') return frame.value ?? '';
  return (frame.locals ?? []).map((l) => `${l.name}=${l.elided ? '..' : (l.value ?? '?')}`).join(', ');
}

/** The predicted frames around the current step, each with its diff status. */
export function PredictedFrames() {
  const prediction = usePredictionStore((s) => s.prediction);
  const diff = usePredictionStore((s) => s.diff);
  usePredictionStore((s) => s.diffVersion);
  const step = useAppStore((s) => s.step);
  if (!prediction || prediction.frames.length === 0) return null;
  const index = Math.max(0, positionAtStep(prediction, step));
  const from = Math.max(0, index - WINDOW / 2);
  const to = Math.min(prediction.frames.length, from + WINDOW);
  return (
    <div className="predicted-frames">
      <table>
        <caption className="visually-hidden">Predicted frames {from + 1} to {to} of {prediction.frames.length}</caption>
        <thead>
          <tr><th scope="col">Step</th><th scope="col">Kind</th><th scope="col">Line</th><th scope="col">Variables / value</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          {prediction.frames.slice(from, to).map((frame, offset) => {
            const i = from + offset;
            const status = diff && i < diff.length ? diff.statusAt(i) : null;
            const current = i === index && prediction.stepOf(i) === step;
            return (
              <tr key={i} className={`${current ? 'current ' : ''}status-${status ?? 'pending'}`}>
                <td>{prediction.stepOf(i) + 1}</td>
                <td>{frame.kind ?? '?'}</td>
                <td className="mono">{frame.line ?? frame.action?.trim() ?? ''}</td>
                <td className="mono">{frame.malformed ? `malformed: ${frame.malformed}` : frameSummary(frame)}</td>
                <td>{status ?? '…'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {to < prediction.frames.length && <p className="muted">{(prediction.frames.length - to).toLocaleString('en-US')} more frames after these.</p>}
    </div>
  );
}
