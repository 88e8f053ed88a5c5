import { useEffect } from 'react';
import { createBrowserEngine } from '../engine/browser.ts';
import { useAppStore } from '../state/app-store.ts';
import { persistEndpoint } from '../state/endpoint-storage.ts';
import { importFile } from '../state/files-controller.ts';
import { loadSettings, persistState } from '../state/persistence.ts';
import { startEngine, runDraft } from '../state/run-controller.ts';
import { openLinkFromLocation } from '../state/share-controller.ts';
import type { EmbedMode } from './embed.ts';

/**
 * Once per page: boot Python at once, restore and keep saving the draft and settings (not in an
 * embedded view), open a permalink in the URL (now and when the hash changes), accept dropped files.
 */
export function useStartup(mode: EmbedMode): void {
  useEffect(() => {
    performance.mark('page-usable'); // User Timing for bench:ui: the interface is up (plain editor)
    const cleanups: (() => void)[] = [];
    if (!mode.embedded) {
      useAppStore.setState(loadSettings(localStorage));
      cleanups.push(persistState(localStorage), persistEndpoint(localStorage));
    }
    startEngine(createBrowserEngine); // started in main.tsx already; this returns it
    if (location.hash.startsWith('#v')) void openLinkFromLocation();
    else if (mode.embedded) void runDraft();
    const onHash = () => void openLinkFromLocation();
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void importFile(file);
    };
    window.addEventListener('hashchange', onHash);
    if (!mode.embedded) {
      window.addEventListener('dragover', onDragOver, true);
      window.addEventListener('drop', onDrop, true);
    }
    return () => {
      for (const cleanup of cleanups) cleanup();
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [mode.embedded]);
}
