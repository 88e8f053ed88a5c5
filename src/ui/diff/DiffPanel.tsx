import { useEffect, useMemo } from 'react';
import { realOutput, scorePrediction, type CompareMode, type ItemMetrics } from '../../compare/index.ts';
import { useAppStore } from '../../state/app-store.ts';
import { alignmentFor, recompare } from '../../state/prediction-sink.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';
import { CodeText } from '../CodeText.tsx';
import { divergenceText } from '../../compare/describe-divergence.ts';
import { SideBySide } from './SideBySide.tsx';
import './diff.css';

const METRICS: [string, (m: ItemMetrics) => string][] = [
  ['Valid trace format', (m) => pct(m.valid_trace_format)],
  ['State exact match', (m) => pct(m.state_exact_match)],
  ['Action exact match', (m) => pct(m.action_exact_match)],
  ['Valid JSON', (m) => pct(m.valid_json_format)],
  ['Key match', (m) => pct(m.key_match)],
  ['Key+value match', (m) => pct(m.key_value_match)],
  ['Output correct', (m) => (m.output_correct ? 'yes' : 'no')],
  ['First divergence (frame)', (m) => (m.first_divergence === null ? 'none' : String(m.first_divergence + 1))],
];

function pct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** Where the prediction and the real run part ways, and by how much they agree. */
export function DiffPanel() {
  const run = useAppStore((s) => s.run);
  const setStep = useAppStore((s) => s.setStep);
  const prediction = usePredictionStore((s) => s.prediction);
  const diff = usePredictionStore((s) => s.diff);
  const version = usePredictionStore((s) => s.diffVersion);
  const mode = usePredictionStore((s) => s.compareMode);
  const teacher = usePredictionStore((s) => (s.teacher && run && s.teacher.runId === run.id ? s.teacher : null));
  const comparable = run !== null && prediction !== null && prediction.runId === run.id && diff !== null;
  const divergence = comparable ? diff.firstDivergence : null;
  const done = prediction?.status !== 'streaming';
  const metrics = useMemo(() => {
    if (!comparable || !done || !run) return null;
    return scorePrediction({
      alignment: alignmentFor(run.store, run.call, prediction.format), format: prediction.format, frames: prediction.frames, mode,
      expected: realOutput(run.store),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comparable, done, run, prediction?.id, version, mode]);

  const shownId = divergence && prediction ? prediction.id : null;
  useEffect(() => {
    // User Timing for bench:predict: the divergence is on screen.
    if (shownId !== null) requestAnimationFrame(() => setTimeout(() => performance.mark(`divergence-shown-${shownId}`), 0));
  }, [shownId]);

  if (!comparable) {
    return <p className="muted diff-empty">{prediction ? 'The prediction belongs to an earlier run: press Predict again.' : 'Once a prediction arrives, the first step where it parts ways with the real run shows here.'}</p>;
  }
  const counts = diff.counts;
  const divergenceStep = divergence ? prediction.stepOf(divergence.index) : null;
  return (
    <div className="diff-panel">
      <div className="diff-head">
        <label className="field">
          <span>Comparison</span>
          <select value={mode} onChange={(e) => recompare(run, e.target.value as CompareMode)}>
            <option value="strict">strict (exact repr text)</option>
            <option value="lenient">lenient (set/dict order, spacing, quotes)</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={divergenceStep === null} onClick={() => divergenceStep !== null && setStep(divergenceStep)}>
          Go to first divergence
        </button>
      </div>
      <p className={`divergence ${divergence ? 'found' : 'none'}`} aria-live="polite">
        {divergence && divergenceStep !== null
          ? <CodeText text={divergenceText(divergence, divergenceStep)} />
          : diff.ended ? 'No divergence: the prediction matches the real trace step for step.' : `No divergence in the first ${diff.length.toLocaleString('en-US')} frames so far.`}
      </p>
      <p className="diff-counts">
        <span className="count match">{counts.match} match</span>
        <span className="count mismatch">{counts.mismatch} mismatch</span>
        <span className="count malformed">{counts.malformed} malformed</span>
        <span className="count missing">{counts.missing} missing</span>
        <span className="count extra">{counts.extra} extra</span>
      </p>
      <SideBySide />
      {metrics && (
        <table className="metrics">
          <caption>Metrics (CWM report, Table 9)</caption>
          <tbody>
            {METRICS.map(([label, value]) => (
              <tr key={label}><th scope="row">{label}</th><td>{value(metrics)}</td></tr>
            ))}
            {teacher && teacher.results.size > 0 && (
              <tr>
                <th scope="row">Teacher-forced next frame</th>
                <td>{pct([...teacher.results.values()].filter((r) => r === 'match').length / teacher.results.size)} of {teacher.results.size}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
