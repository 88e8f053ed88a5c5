import { describe, expect, it } from 'vitest';
import { quizAnswerIsRight, type QuizQuestion } from './quiz.ts';

const question = (answer: string): QuizQuestion => ({ step: 3, subject: { kind: 'variable', name: 'x', frame: '<module>' }, answer, line: 2 });

describe('quiz answers', () => {
  it('accepts the exact repr, and the same value written differently', () => {
    expect(quizAnswerIsRight(question('[1, 2]'), '[1, 2]')).toBe(true);
    expect(quizAnswerIsRight(question('[1, 2]'), ' [1,2] ')).toBe(true);
    expect(quizAnswerIsRight(question("'hi'"), '"hi"')).toBe(true);
    expect(quizAnswerIsRight(question('{1, 2}'), '{2, 1}')).toBe(true);
  });
  it('rejects a different value, and an empty answer', () => {
    expect(quizAnswerIsRight(question('[1, 2]'), '[2, 1]')).toBe(false);
    expect(quizAnswerIsRight(question('6'), '5')).toBe(false);
    expect(quizAnswerIsRight(question('6'), '   ')).toBe(false);
  });
});
