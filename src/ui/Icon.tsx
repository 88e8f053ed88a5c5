/** Small inline SVG icons (no icon font: glyphs must render the same everywhere, offline). */
const PATHS = {
  first: 'M6 5v14M18 6l-8 6 8 6z',
  last: 'M18 5v14M6 6l8 6-8 6z',
  back: 'M16 6l-8 6 8 6z',
  forward: 'M8 6l8 6-8 6z',
  over: 'M4 15a8 8 0 0 1 14.5-4.5M19 5v6h-6M4 19h16',
  backOver: 'M20 15a8 8 0 0 0-14.5-4.5M5 5v6h6M4 19h16',
  out: 'M12 19V6M6 11l6-6 6 6M4 21h16',
  nextBreakpoint: 'M4 6l7 6-7 6zM17 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0-6 0',
  previousBreakpoint: 'M20 6l-7 6 7 6zM7 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0-6 0',
  run: 'M7 5l12 7-12 7z',
  stop: 'M6 6h12v12H6z',
  watch: 'M4 7l7 5-7 5zM12 7l7 5-7 5z',
  close: 'M6 6l12 12M18 6L6 18',
} as const;

export type IconName = keyof typeof PATHS;

const FILLED: ReadonlySet<IconName> = new Set(['first', 'last', 'back', 'forward', 'run', 'stop', 'watch', 'nextBreakpoint', 'previousBreakpoint']);

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  const filled = FILLED.has(name);
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon-svg"
      fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={filled ? 1 : 2} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}
