const STEPS = [0.4, 0.5, 0.64, 0.8, 1, 1.25, 1.5, 2];

/** Zoom out, back to 100 %, zoom in. */
export function ZoomControls({ zoom, onZoom }: { zoom: number; onZoom(zoom: number): void }) {
  const index = STEPS.indexOf(zoom);
  return (
    <div className="heap-zoom" role="group" aria-label="Zoom">
      <button type="button" aria-label="Zoom out" disabled={index <= 0} onClick={() => onZoom(STEPS[index - 1])}>−</button>
      <button type="button" aria-label={`Reset zoom (${Math.round(zoom * 100)}%)`} title="Reset zoom" onClick={() => onZoom(1)}>
        {Math.round(zoom * 100)}%
      </button>
      <button type="button" aria-label="Zoom in" disabled={index >= STEPS.length - 1} onClick={() => onZoom(STEPS[index + 1])}>+</button>
    </div>
  );
}
