import { useAppStore, type ThemePreference } from '../../state/app-store.ts';
import { EngineStatus } from './EngineStatus.tsx';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { ShareMenu } from './ShareMenu.tsx';
import './header.css';

export function Header() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const previousDraft = useAppStore((s) => s.previousDraft);
  const compareOpen = useAppStore((s) => s.compareOpen);
  const restore = () => {
    if (!previousDraft) return;
    useAppStore.setState({ draft: previousDraft, previousDraft: null });
  };
  return (
    <header className="app-header">
      <h1>Python Trace Playground</h1>
      <ExamplesMenu />
      {previousDraft && (
        <button type="button" onClick={restore} title="Put back the code you had before opening the example">Restore my code</button>
      )}
      <span className="spacer" />
      <button type="button" aria-pressed={compareOpen} onClick={() => useAppStore.setState({ compareOpen: !compareOpen })} title="Show the Prediction and Diff panels: compare a model's predicted trace with the real one">
        Compare with a model
      </button>
      <ShareMenu />
      <EngineStatus />
      <label className="field">
        <span>Theme</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as ThemePreference)}>
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>
  );
}
