/** Keeps the draft and settings in local storage as they change (debounced). */
import { z } from 'zod';
import { useAppStore, type ThemePreference } from './app-store.ts';
import { saveDraft } from './draft.ts';

const SETTINGS_KEY = 'pytrace:settings';
const settingsSchema = z.object({ version: z.literal(1), theme: z.enum(['system', 'light', 'dark']), compareOpen: z.boolean().optional() });

export function loadSettings(storage: Pick<Storage, 'getItem'>): { theme: ThemePreference; compareOpen: boolean } {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(storage.getItem(SETTINGS_KEY) ?? 'null'));
    if (parsed.success) return { theme: parsed.data.theme, compareOpen: parsed.data.compareOpen ?? true };
  } catch {
    // unreadable: defaults
  }
  return { theme: 'system', compareOpen: true };
}

/** Start saving; returns a function that stops it (and saves what is pending). */
export function persistState(storage: Storage, delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const { draft, theme, compareOpen } = useAppStore.getState();
    saveDraft(storage, draft);
    try {
      storage.setItem(SETTINGS_KEY, JSON.stringify({ version: 1, theme, compareOpen }));
    } catch {
      // storage full or disabled: the draft stays in memory
    }
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.draft === previous.draft && state.theme === previous.theme && state.compareOpen === previous.compareOpen) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const onHide = () => flush();
  window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    if (timer) {
      clearTimeout(timer);
      flush();
    }
  };
}
