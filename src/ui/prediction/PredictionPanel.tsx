import { useState } from 'react';
import { usePredictionStore, type PromptMode } from '../../state/prediction-store.ts';
import { cancelPrediction, predict, predictNextFrame, runTeacherForcing } from '../../state/prediction-controller.ts';
import { EndpointSettings } from './EndpointSettings.tsx';
import { PromptEditor } from './PromptEditor.tsx';
import { PredictionImport } from './PredictionImport.tsx';
import { PredictionStatusLine } from './PredictionStatusLine.tsx';
import { PredictedFrames } from './PredictedFrames.tsx';
import './prediction.css';

/** Ask a model for the trace (or paste one) and watch it arrive frame by frame. */
export function PredictionPanel() {
  const promptMode = usePredictionStore((s) => s.settings.promptMode);
  const update = usePredictionStore((s) => s.updateSettings);
  const prediction = usePredictionStore((s) => s.prediction);
  const teacherRunning = usePredictionStore((s) => s.teacher?.running ?? false);
  // Closed until wanted: its model list is fetched from the server only when it opens.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const streaming = prediction?.status === 'streaming' || teacherRunning;

  return (
    <div className="prediction-panel">
      <details open={settingsOpen} onToggle={(e) => setSettingsOpen(e.currentTarget.open)}>
        <summary>Model endpoint</summary>
        {settingsOpen && <EndpointSettings />}
      </details>
      <div className="prediction-actions">
        <label className="field">
          <span>Prompt mode</span>
          <select value={promptMode} onChange={(e) => update({ promptMode: e.target.value as PromptMode })}>
            <option value="cwm">CWM native</option>
            <option value="chat">Chat (plain-text trace)</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void predict()} disabled={streaming}>Predict</button>
        <button type="button" onClick={cancelPrediction} disabled={!streaming}>Cancel prediction</button>
      </div>
      <div className="prediction-actions">
        <button type="button" onClick={() => void predictNextFrame()} disabled={streaming || promptMode !== 'cwm'} title="Ask for one more frame after those shown (CWM native mode)">Next frame</button>
        <button type="button" onClick={() => void predictNextFrame('return')} disabled={streaming || promptMode !== 'cwm'} title="Force the next frame to be a return: step over the call and let the model predict its value">Force return</button>
        <button type="button" onClick={() => void runTeacherForcing()} disabled={streaming} title="For every step, give the model the real trace so far and check its next frame">Teacher-forced check</button>
      </div>
      <PromptEditor />
      <PredictionStatusLine />
      <PredictionImport />
      <PredictedFrames />
    </div>
  );
}
