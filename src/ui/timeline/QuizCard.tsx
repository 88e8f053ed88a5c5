import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { answerQuiz } from '../../state/step-actions.ts';
import type { QuizQuestion } from '../../state/quiz.ts';

function prompt(question: QuizQuestion): string {
  return question.subject.kind === 'return'
    ? `What will ${question.subject.frame}() return?`
    : `After line ${question.line} runs, what will ${question.subject.name} be${question.subject.frame === '<module>' ? '' : ` in ${question.subject.frame}()`}?`;
}

/** Predict-then-reveal: the toggle, the pending question, the last verdict and the score. */
export function QuizCard() {
  const quiz = useAppStore((s) => s.quiz);
  const runId = useAppStore((s) => s.run?.id ?? null);
  const [answer, setAnswer] = useState('');
  const [verdict, setVerdict] = useState<{ right: boolean; question: QuizQuestion; given: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const pending = quiz.pending;
  useEffect(() => {
    if (pending) field.current?.focus();
  }, [pending]);

  const results = quiz.runId === runId ? [...quiz.results.values()] : [];
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    const right = answerQuiz(answer);
    if (right !== null) setVerdict({ right, question: pending, given: answer.trim() });
    setAnswer('');
  };
  const toggle = () => {
    setVerdict(null);
    useAppStore.setState({ quiz: { ...quiz, on: !quiz.on, pending: null } });
  };

  return (
    <div className="quiz">
      <button type="button" aria-pressed={quiz.on} onClick={toggle} title="Before each step forward, say what will change; then see if you were right">
        Quiz me
      </button>
      {quiz.on && results.length > 0 && <span className="quiz-score">{results.filter(Boolean).length} of {results.length} right</span>}
      {pending && (
        <form className="quiz-question" onSubmit={check}>
          <label>
            <span>{prompt(pending)}</span>
            <input ref={field} type="text" className="mono" aria-label="Your answer" value={answer} onChange={(e) => setAnswer(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="primary">Reveal</button>
          <button type="button" onClick={() => answerQuiz(null)}>Skip</button>
        </form>
      )}
      {!pending && verdict && (
        <p className={`quiz-verdict ${verdict.right ? 'right' : 'wrong'}`} role="status">
          {verdict.right ? '✓ Right: ' : '✗ Not quite: '}
          {verdict.question.subject.kind === 'return' ? `${verdict.question.subject.frame}() returns ` : `${verdict.question.subject.name} is `}
          <code>{verdict.question.answer}</code>
          {!verdict.right && <> — you said <code>{verdict.given || '(nothing)'}</code></>}
        </p>
      )}
    </div>
  );
}
