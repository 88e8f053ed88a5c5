import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ENDPOINT_PRESETS, isModelError, listModels, presetById, type PresetId } from '../../model/index.ts';
import { usePredictionStore } from '../../state/prediction-store.ts';

/** A fingerprint that changes with the key, so the query cache never holds the key itself. */
function fingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** The models the server lists (GET /models), with a clear state when it cannot be reached. */
function useModels(baseUrl: string, apiKey: string) {
  return useQuery({
    queryKey: ['models', baseUrl, fingerprint(apiKey)],
    queryFn: ({ signal }) => listModels({ baseUrl, apiKey }, { signal }),
    enabled: baseUrl.trim().length > 0,
    retry: false,
    staleTime: 60_000,
  });
}

/** Where predictions come from: server, key, model and request options. */
export function EndpointSettings() {
  const settings = usePredictionStore((s) => s.settings);
  const apiKey = usePredictionStore((s) => s.apiKey);
  const update = usePredictionStore((s) => s.updateSettings);
  const setApiKey = usePredictionStore((s) => s.setApiKey);
  const models = useModels(settings.baseUrl, apiKey);
  const listId = useId();
  const preset = settings.presetId === 'custom' ? null : presetById(settings.presetId);

  const choosePreset = (id: PresetId | 'custom') => {
    if (id === 'custom') update({ presetId: id });
    else update({ presetId: id, baseUrl: presetById(id).baseUrl });
  };

  return (
    <div className="endpoint-settings">
      <label className="field">
        <span>Server</span>
        <select value={settings.presetId} onChange={(e) => choosePreset(e.target.value as PresetId | 'custom')}>
          {ENDPOINT_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          <option value="custom">Other (OpenAI-compatible)</option>
        </select>
      </label>
      <label className="field grow">
        <span>Base URL</span>
        <input type="text" value={settings.baseUrl} onChange={(e) => update({ baseUrl: e.target.value, presetId: settings.presetId })} spellCheck={false} placeholder="http://localhost:8000/v1" />
      </label>
      <label className="field grow">
        <span>API key</span>
        <input type="password" value={apiKey} onChange={(e) => setApiKey(e.target.value)} autoComplete="off" placeholder={preset?.requiresApiKey ? 'required' : 'optional'} />
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.rememberKey} onChange={(e) => update({ rememberKey: e.target.checked })} />
        remember the key on this device
      </label>
      <label className="field grow">
        <span>Model</span>
        <input type="text" list={listId} value={settings.model} onChange={(e) => update({ model: e.target.value })} spellCheck={false} placeholder={models.data?.[0] ?? 'model name'} />
        <datalist id={listId}>
          {(models.data ?? []).map((id) => <option key={id} value={id} />)}
        </datalist>
      </label>
      <p className={`models-state${models.isError ? ' error' : ''}`} aria-live="polite">
        {models.isFetching && 'Asking the server for its models…'}
        {models.isError && `${isModelError(models.error) ? models.error.message : String(models.error)} You can still type a model name.`}
        {models.isSuccess && !models.isFetching && (models.data.length ? `${models.data.length} model${models.data.length === 1 ? '' : 's'} on this server.` : 'The server lists no models: type the name.')}
      </p>
      <div className="endpoint-row">
        <label className="field">
          <span>Temperature</span>
          <input type="number" min={0} max={2} step={0.1} value={settings.temperature} onChange={(e) => update({ temperature: Math.max(0, Number(e.target.value) || 0) })} />
        </label>
        <label className="field">
          <span>Max tokens</span>
          <input type="number" min={1} step={256} value={settings.maxTokens} onChange={(e) => update({ maxTokens: Math.max(1, Math.floor(Number(e.target.value) || 1)) })} />
        </label>
        <label className="field" title="Give up on a stream that sends nothing for this long">
          <span>Stall timeout (s)</span>
          <input type="number" min={1} max={3600} value={settings.idleTimeoutSeconds} onChange={(e) => update({ idleTimeoutSeconds: Math.min(3600, Math.max(1, Math.floor(Number(e.target.value) || 1))) })} />
        </label>
      </div>
      <label className="field column">
        <span>Stop sequences (one per line)</span>
        <textarea rows={2} className="mono" value={settings.stop} onChange={(e) => update({ stop: e.target.value })} spellCheck={false} />
      </label>
      <label className="field column">
        <span>Extra JSON body fields</span>
        <textarea rows={2} className="mono" value={settings.extraBody} onChange={(e) => update({ extraBody: e.target.value })} spellCheck={false} placeholder='{"top_p": 0.95}' />
      </label>
      {preset && <p className="muted hint">CORS: {preset.label} {preset.corsHint}.</p>}
    </div>
  );
}
