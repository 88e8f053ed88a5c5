import { useRef, type PointerEvent } from 'react';

/** Drag with the mouse to scroll a box (touch and trackpads scroll it natively). */
export function usePanByDrag() {
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);
  return {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.pointerType !== 'mouse' || event.button !== 0) return;
      if ((event.target as Element).closest('[role="button"], button')) return;
      drag.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
      event.currentTarget.setPointerCapture(event.pointerId);
      event.currentTarget.dataset.panning = 'true';
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      const at = drag.current;
      if (!at || at.id !== event.pointerId) return;
      event.currentTarget.scrollBy(at.x - event.clientX, at.y - event.clientY);
      drag.current = { x: event.clientX, y: event.clientY, id: at.id };
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      if (drag.current?.id !== event.pointerId) return;
      drag.current = null;
      delete event.currentTarget.dataset.panning;
    },
  };
}
