import { useState, type ChangeEvent } from 'react';
import { loadPrediction } from '../../state/prediction-controller.ts';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A prediction without an endpoint: pasted text or an imported file (CWM or plain format). */
export function PredictionImport() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB; predictions up to ${MAX_FILE_BYTES / 1e6} MB can be imported.`);
      return;
    }
    setError(null);
    await loadPrediction(await file.text(), 'file');
  };

  return (
    <details className="prediction-import">
      <summary>Paste or import a prediction</summary>
      <textarea aria-label="Prediction text" className="mono" rows={5} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false}
        placeholder="CWM frames (<|line_sep|>…<|frame_sep|>) or plain-text steps (line 3 f {&quot;x&quot;: &quot;1&quot;})" />
      <div className="prediction-actions">
        <button type="button" disabled={!text.trim()} onClick={() => void loadPrediction(text, 'paste')}>Compare pasted text</button>
        <label className="file-button">
          Import file…
          <input type="file" accept=".txt,.cwm,.jsonl,.json,text/plain" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      {error && <p className="prediction-error" role="alert">{error}</p>}
    </details>
  );
}
