/**
 * Sharing: the current view as a permalink (or a share file when too long), and opening one.
 * A link replaces the draft only after it decoded cleanly (the old draft stays one click away);
 * it never changes the endpoint unless the user confirms.
 */
import { isRuntimeId } from '../engine/runtimes.ts';
import { decodeHash, encodeState, MAX_LINK_LENGTH, type SharedEndpoint, type SharedState } from '../share/permalink.ts';
import { useAppStore } from './app-store.ts';
import { loadPrediction } from './prediction-controller.ts';
import { recompare } from './prediction-sink.ts';
import { usePredictionStore } from './prediction-store.ts';
import { runDraft } from './run-controller.ts';

export const SHARE_FILE_FORMAT = 'python-trace-share';

export interface ShareOptions {
  includePrediction: boolean;
  includeEndpoint: boolean;
}

export function currentSharedState(options: ShareOptions): SharedState {
  const { draft, step, run } = useAppStore.getState();
  const { prediction, compareMode, settings } = usePredictionStore.getState();
  const shareable = options.includePrediction && prediction && run && prediction.runId === run.id;
  return {
    code: draft.code, call: draft.call, stdin: draft.stdin, runtime: draft.runtime, maxSteps: draft.maxSteps, step, compareMode,
    prediction: shareable ? { text: prediction.text, format: prediction.format, model: prediction.model, promptMode: prediction.promptMode } : null,
    endpoint: options.includeEndpoint ? { baseUrl: settings.baseUrl, model: settings.model } : null,
  };
}

/** The link for the current view, and whether it is short enough to share as a link. */
export function shareLink(options: ShareOptions): { url: string; fits: boolean } {
  const hash = encodeState(currentSharedState(options));
  const url = `${location.origin}${location.pathname}${location.search}${hash}`;
  return { url, fits: url.length <= MAX_LINK_LENGTH };
}

/** A share file: the same state, for links too long to paste. */
export function shareFileText(options: ShareOptions): string {
  return JSON.stringify({ format: SHARE_FILE_FORMAT, version: 1, link: encodeState(currentSharedState(options)) }, null, 1);
}

/** Open a shared state: replaces the draft (kept as previous), runs, jumps to the step. */
export async function openSharedState(state: SharedState): Promise<void> {
  const app = useAppStore.getState();
  const draft = { ...app.draft, code: state.code, call: state.call, stdin: state.stdin, runtime: isRuntimeId(state.runtime) ? state.runtime : app.draft.runtime, maxSteps: state.maxSteps, breakpoints: [] };
  const changed = draft.code !== app.draft.code || draft.call !== app.draft.call || draft.stdin !== app.draft.stdin;
  useAppStore.setState({ draft, previousDraft: changed ? app.draft : app.previousDraft, alert: null, compareOpen: app.compareOpen || state.prediction !== null });
  if (state.endpoint) useAppStore.setState({ suggestedEndpoint: state.endpoint });
  usePredictionStore.setState({ compareMode: state.compareMode });
  await runDraft();
  const run = useAppStore.getState().run;
  if (!run || run.code !== state.code) return;
  if (state.prediction) {
    await loadPrediction(state.prediction.text, 'link', { model: state.prediction.model, promptMode: state.prediction.promptMode });
    recompare(run, state.compareMode);
  }
  useAppStore.getState().setStep(state.step);
}

/** Open the permalink in the page's URL, if there is one; the hash is cleared afterwards. */
export async function openLinkFromLocation(): Promise<void> {
  const result = decodeHash(location.hash);
  if (result === null) return;
  history.replaceState(null, '', location.pathname + location.search);
  if (!result.ok) {
    useAppStore.getState().setAlert(result.error);
    return;
  }
  await openSharedState(result.state);
}

/** Open a share file's text (from a file picker or drop). */
export async function openShareFile(text: string): Promise<boolean> {
  let link: unknown;
  try {
    const parsed = JSON.parse(text) as { format?: unknown; link?: unknown };
    if (parsed.format !== SHARE_FILE_FORMAT) return false;
    link = parsed.link;
  } catch {
    return false;
  }
  const result = typeof link === 'string' ? decodeHash(link) : null;
  if (!result || !result.ok) {
    useAppStore.getState().setAlert(result && !result.ok ? result.error : 'This share file holds no link: it cannot be opened. Your own code was not changed.');
    return true;
  }
  await openSharedState(result.state);
  return true;
}

/** The user accepted the endpoint a link suggested. */
export function acceptSuggestedEndpoint(endpoint: SharedEndpoint): void {
  usePredictionStore.getState().updateSettings({ baseUrl: endpoint.baseUrl, model: endpoint.model, presetId: 'custom' });
  useAppStore.setState({ suggestedEndpoint: null });
}
