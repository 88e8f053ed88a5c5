import { useMemo } from 'react';
import { useAppStore } from '../state/app-store.ts';
import { embedMode } from './embed.ts';
import { EndpointSuggestion } from './header/EndpointSuggestion.tsx';
import { Header } from './header/Header.tsx';
import { Icon } from './Icon.tsx';
import { EmbedView } from './layout/EmbedView.tsx';
import { Workspace } from './layout/Workspace.tsx';
import { useThemeAttribute } from './theme.ts';
import { useStepKeys } from './timeline/use-step-keys.ts';
import { useStartup } from './use-startup.ts';
import './theme.css';
import './app.css';

function Alert() {
  const alert = useAppStore((s) => s.alert);
  const setAlert = useAppStore((s) => s.setAlert);
  return (
    <div role="alert" className={alert ? 'app-alert' : 'app-alert empty'}>
      {alert && (
        <>
          <span>{alert}</span>
          <button type="button" className="icon" onClick={() => setAlert(null)} aria-label="Dismiss"><Icon name="close" size={12} /></button>
        </>
      )}
    </div>
  );
}

export function App() {
  const mode = useMemo(() => embedMode(), []);
  useThemeAttribute();
  useStepKeys();
  useStartup(mode);
  if (mode.embedded) {
    return (
      <div className="app embedded">
        <Alert />
        <EmbedView mode={mode} />
      </div>
    );
  }
  return (
    <div className="app">
      <Header />
      <Alert />
      <EndpointSuggestion />
      <Workspace />
    </div>
  );
}
