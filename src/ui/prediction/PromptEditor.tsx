import { useState } from 'react';
import { currentPromptText } from '../../state/prediction-controller.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';

/** The exact prompt Predict sends, shown and editable before sending. */
export function PromptEditor() {
  const override = usePredictionStore((s) => s.promptOverride);
  const setOverride = usePredictionStore((s) => s.setPromptOverride);
  const [generated, setGenerated] = useState('');
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      setGenerated(await currentPromptText());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details className="prompt-editor" onToggle={(e) => { if (e.currentTarget.open && override === null) void refresh(); }}>
      <summary>Prompt {override !== null && <span className="badge">edited</span>}</summary>
      {error && <p className="prediction-error">{error}</p>}
      <textarea
        aria-label="Prompt"
        className="mono"
        rows={10}
        value={override ?? generated}
        onChange={(e) => setOverride(e.target.value)}
        spellCheck={false}
      />
      <div className="prediction-actions">
        <button type="button" onClick={() => { setOverride(null); void refresh(); }}>Rebuild from the code</button>
        <span className="muted">Chat prompts: messages start at [system] / [user] lines.</span>
      </div>
    </details>
  );
}
