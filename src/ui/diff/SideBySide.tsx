import { useAppStore } from '../../state/app-store.ts';
import { positionAtStep } from '../../state/prediction-sink.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';
import type { TraceFrame, VariableDifference } from '../../compare/index.ts';

function where(frame: TraceFrame | undefined): string {
  if (!frame) return '—';
  const line = frame.line !== null ? ` ${frame.line}` : '';
  return `${frame.kind ?? '?'}${line}${frame.action ? `: ${frame.action.trim()}` : ''}`;
}

/** The real and the predicted frame at the current step, side by side, differences marked. */
export function SideBySide() {
  const step = useAppStore((s) => s.step);
  const prediction = usePredictionStore((s) => s.prediction);
  const diff = usePredictionStore((s) => s.diff);
  usePredictionStore((s) => s.diffVersion);
  if (!prediction || !diff) return null;
  const position = positionAtStep(prediction, step);
  const aligned = position >= 0 && prediction.stepOf(position) === step;
  if (!aligned) return <p className="muted">The prediction has no frame for this step{step === 0 ? ' (the prompt gives the first one)' : ''}.</p>;
  const real = diff.real[position];
  const predicted = prediction.frames[position];
  const differences = position < diff.length ? diff.differencesAt(position) : [];
  const fields = new Set(differences.map((d) => d.field));
  const variableDiffs = new Map<string, VariableDifference>();
  for (const d of differences) if (d.field === 'variables') for (const v of d.variables) variableDiffs.set(v.name, v);
  const names = [...new Set([...(real?.locals ?? []).map((l) => l.name), ...(predicted?.locals ?? []).map((l) => l.name)])];
  const value = (frame: TraceFrame | undefined, name: string) => frame?.locals?.find((l) => l.name === name)?.value ?? '—';

  return (
    <table className="side-by-side">
      <caption>At this step (prediction frame {position + 1})</caption>
      <thead>
        <tr><th scope="col" /><th scope="col">Real</th><th scope="col">Predicted</th></tr>
      </thead>
      <tbody>
        <tr className={fields.has('kind') || fields.has('action') || fields.has('line') ? 'differs' : undefined}>
          <th scope="row">step</th><td className="mono">{where(real)}</td><td className="mono">{predicted?.malformed ? `malformed: ${predicted.malformed}` : where(predicted)}</td>
        </tr>
        {names.map((name) => (
          <tr key={name} className={variableDiffs.has(name) ? 'differs' : undefined}>
            <th scope="row" className="mono">{name}</th>
            <td className="mono">{value(real, name)}</td>
            <td className="mono">{variableDiffs.get(name)?.unresolved ? '.. (unresolved)' : value(predicted, name)}</td>
          </tr>
        ))}
        {(real?.kind === 'return' || real?.kind === 'exception' || predicted?.kind === 'return' || predicted?.kind === 'exception') && (
          <tr className={fields.has('value') ? 'differs' : undefined}>
            <th scope="row">value</th><td className="mono">{real?.value ?? '—'}</td><td className="mono">{predicted?.value ?? '—'}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
