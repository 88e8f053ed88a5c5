import { usePredictionStore } from '../../state/prediction-store.ts';

const SOURCES = { model: 'model', paste: 'pasted text', file: 'imported file', link: 'link' } as const;

/** Where the prediction is: streaming (frames, speed), done, cancelled or failed; its reasoning. */
export function PredictionStatusLine() {
  const prediction = usePredictionStore((s) => s.prediction);
  const teacher = usePredictionStore((s) => s.teacher);
  usePredictionStore((s) => s.diffVersion);
  if (!prediction && !teacher) return <p className="muted prediction-status">No prediction yet: press Predict, or paste one below.</p>;
  const frames = prediction?.frames.length ?? 0;
  const malformed = prediction?.frames.filter((f) => f.malformed).length ?? 0;
  const seconds = (prediction?.elapsedMs ?? 0) / 1000;
  const speed = prediction?.tokensPerSecond ?? (seconds > 0 ? frames / seconds : null);
  const speedText = prediction?.tokensPerSecond ? `${speed?.toFixed(0)} tokens/s` : speed ? `${speed.toFixed(0)} frames/s` : '';
  return (
    <div className="prediction-status">
      {prediction && (
        <p className={`status-${prediction.status}`}>
          {prediction.status === 'streaming' ? 'Receiving' : prediction.status === 'done' ? 'Received' : prediction.status === 'cancelled' ? 'Cancelled after' : 'Failed after'}{' '}
          {frames.toLocaleString('en-US')} frame{frames === 1 ? '' : 's'}
          {malformed > 0 && ` (${malformed} malformed)`} from {prediction.source === 'model' ? `${prediction.model || 'the model'} (${prediction.promptMode === 'cwm' ? 'CWM native' : 'chat'})` : SOURCES[prediction.source]}
          {prediction.source === 'model' && speedText && ` · ${speedText}`}
          {prediction.firstTokenMs !== null && prediction.source === 'model' && ` · first token after ${Math.round(prediction.firstTokenMs)} ms`}
          {prediction.status !== 'streaming' && !prediction.ended && prediction.frames.length > 0 && ' · the trace did not reach its end'}
        </p>
      )}
      {prediction?.error && <p className="prediction-error">{prediction.error} The frames received so far are kept.</p>}
      {teacher && (
        <p>
          Teacher-forced: {[...teacher.results.values()].filter((r) => r === 'match').length} of {teacher.results.size} next frames right
          {teacher.running ? ` (checking ${teacher.results.size} of ${teacher.total}…)` : ` (${teacher.total} steps)`}
          {teacher.error && <span className="prediction-error"> · {teacher.error}</span>}
        </p>
      )}
      {prediction && prediction.reasoning && (
        <details className="reasoning">
          <summary>Reasoning ({prediction.reasoning.length.toLocaleString('en-US')} characters)</summary>
          <pre>{prediction.reasoning}</pre>
        </details>
      )}
    </div>
  );
}
