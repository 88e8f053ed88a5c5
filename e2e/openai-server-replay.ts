/**
 * Replays real CWM generations (../shared/fixtures/cwm-cruxeval/results.jsonl): a completions
 * prompt that is an item's CWM prompt gets that item's generation; a prompt that continues it
 * with the beginning of the generation (step-by-step mode) gets the rest — a deterministic model.
 */
import { loadCwmFixture, type FixtureItem } from '../src/testing/cwm-fixture.ts';
import { cwmPrompt } from '../src/trace/cwm/prompt.ts';

interface ReplayItem {
  id: string;
  prompt: string;
  generation: string;
}

export class FixtureReplay {
  private items: ReplayItem[] | null = null;

  constructor(private readonly load: () => FixtureItem[] = loadCwmFixture) {}

  /** What the model wrote after `prompt`, or null when the prompt is not a fixture item's (or its continuation). */
  continuation(prompt: string): { id: string; text: string } | null {
    for (const item of this.replayItems()) {
      if (!prompt.startsWith(item.prompt)) continue;
      const written = prompt.slice(item.prompt.length);
      if (item.generation.startsWith(written)) return { id: item.id, text: item.generation.slice(written.length) };
    }
    return null;
  }

  private replayItems(): ReplayItem[] {
    this.items ??= this.load().map((item) => ({
      id: item.id,
      prompt: cwmPrompt(item.code, `f(${item.input})`),
      generation: item.generation,
    }));
    return this.items;
  }
}
