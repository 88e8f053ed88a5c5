import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../state/app-store.ts';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeToScheme(listener: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** The theme in effect: the user's choice, else the OS's. */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = useAppStore((s) => s.theme);
  const osDark = useSyncExternalStore(subscribeToScheme, () => darkQuery().matches, () => false);
  return preference === 'system' ? (osDark ? 'dark' : 'light') : preference;
}

/** Mirror the theme in effect onto <html data-theme> for the CSS. */
export function useThemeAttribute(): void {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', listener);
      return () => list.removeEventListener('change', listener);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
