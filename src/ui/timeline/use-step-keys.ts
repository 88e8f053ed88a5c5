import { useEffect } from 'react';
import { STEP_KEYS, stepActions } from '../../state/step-actions.ts';
import { runDraft } from '../../state/run-controller.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  return tag === 'INPUT' && (target as HTMLInputElement).type !== 'button';
}

/** Page-wide keys: stepping (not while typing), Ctrl/Cmd+Enter runs from anywhere. */
export function useStepKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void runDraft();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const binding = STEP_KEYS.find((k) => k.key === event.key && Boolean(k.shift) === event.shiftKey);
      if (!binding) return;
      event.preventDefault();
      stepActions[binding.action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
