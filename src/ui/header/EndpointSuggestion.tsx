import { useAppStore } from '../../state/app-store.ts';
import { acceptSuggestedEndpoint } from '../../state/share-controller.ts';

/** A link suggested an endpoint: it is used only if the user says so. */
export function EndpointSuggestion() {
  const endpoint = useAppStore((s) => s.suggestedEndpoint);
  if (!endpoint) return null;
  return (
    <div className="endpoint-suggestion" role="region" aria-label="Suggested endpoint">
      <span>This link suggests the model endpoint <code>{endpoint.baseUrl}</code> with model <code>{endpoint.model || '(none)'}</code>. Your settings are unchanged.</span>
      <button type="button" onClick={() => acceptSuggestedEndpoint(endpoint)}>Use this endpoint</button>
      <button type="button" onClick={() => useAppStore.setState({ suggestedEndpoint: null })}>Keep mine</button>
    </div>
  );
}
