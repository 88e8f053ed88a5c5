import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { usePredictionStore, type TeacherResult } from '../../state/prediction-store.ts';
import type { StepStatus } from '../../compare/index.ts';

type Mark = StepStatus | TeacherResult;
const RANK: Record<Mark, number> = { match: 1, extra: 2, missing: 3, malformed: 4, error: 4, mismatch: 5 };
const COLORS: Record<Mark, string> = {
  match: '--ok', mismatch: '--danger', malformed: '--warn', missing: '--text-muted', extra: '--warn', error: '--text-muted',
};
const ROW = 8;

function draw(canvas: HTMLCanvasElement, steps: number, rows: ((put: (step: number, mark: Mark) => void) => void)[]): void {
  const width = canvas.clientWidth;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.round(rows.length * ROW * ratio);
  const context = canvas.getContext('2d');
  if (!context || steps === 0) return;
  context.scale(ratio, ratio);
  const style = getComputedStyle(canvas);
  rows.forEach((fill, row) => {
    const buckets = new Uint8Array(Math.max(1, Math.floor(width)));
    const marks: Mark[] = [];
    fill((step, mark) => {
      const from = Math.min(buckets.length - 1, Math.floor((step / steps) * buckets.length));
      const to = Math.max(from + 1, Math.floor(((step + 1) / steps) * buckets.length));
      for (let x = from; x < to && x < buckets.length; x++) {
        if (RANK[mark] > (buckets[x] ? RANK[marks[x]] : 0)) {
          buckets[x] = 1;
          marks[x] = mark;
        }
      }
    });
    for (let x = 0; x < buckets.length; x++) {
      if (!buckets[x]) continue;
      context.fillStyle = style.getPropertyValue(COLORS[marks[x]]).trim() || '#888';
      context.fillRect(x, row * ROW + 1, 1, ROW - 2);
    }
  });
}

/** A strip under the slider: per step, whether the prediction matched (and teacher-forced results). */
export function TimelineStrip() {
  const run = useAppStore((s) => s.run);
  const prediction = usePredictionStore((s) => s.prediction);
  const diff = usePredictionStore((s) => s.diff);
  const teacher = usePredictionStore((s) => s.teacher);
  const version = usePredictionStore((s) => s.diffVersion);
  const quiz = useAppStore((s) => s.quiz);
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = run && prediction && prediction.runId === run.id ? prediction : null;
  const teacherHere = run && teacher && teacher.runId === run.id ? teacher : null;
  const quizHere = run && quiz.runId === run.id && quiz.results.size > 0 ? quiz.results : null;

  useEffect(() => {
    if (!canvas.current || !run) return;
    const rows: ((put: (step: number, mark: Mark) => void) => void)[] = [];
    if (current && diff) rows.push((put) => { for (let i = 0; i < diff.length; i++) put(current.stepOf(i), diff.statusAt(i)!); });
    if (teacherHere) rows.push((put) => { for (const [step, result] of teacherHere.results) put(step, result); });
    if (quizHere) rows.push((put) => { for (const [step, right] of quizHere) put(step, right ? 'match' : 'mismatch'); });
    draw(canvas.current, run.steps, rows);
  }, [run, current, diff, teacherHere, quizHere, version]);

  if (!run || (!current && !teacherHere && !quizHere)) return null;
  const counts = diff?.counts;
  const label = [
    current && counts ? `Prediction by step: ${counts.match} match, ${counts.mismatch} mismatch, ${counts.malformed} malformed, ${counts.missing} missing, ${counts.extra} extra` : '',
    teacherHere ? `teacher-forced: ${[...teacherHere.results.values()].filter((r) => r === 'match').length} of ${teacherHere.results.size} right` : '',
    quizHere ? `your answers: ${[...quizHere.values()].filter(Boolean).length} of ${quizHere.size} right` : '',
  ].filter(Boolean).join('; ');
  const rows = (current ? 1 : 0) + (teacherHere ? 1 : 0) + (quizHere ? 1 : 0);
  return <canvas ref={canvas} className="timeline-strip" role="img" aria-label={label} style={{ height: `${rows * ROW}px` }} />;
}
