/**
 * Bounded concurrency over an async sequence: at most `concurrency` tasks at a time, items pulled
 * only when a slot is free (a long suite is never read ahead). A task that throws stops the pulling;
 * the tasks already started finish, then the first error is thrown.
 */
export async function forEachConcurrently<T>(
  items: AsyncIterable<T>,
  concurrency: number,
  task: (item: T) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (!failure && !stopped()) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (next.done) return;
      try {
        await task(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  await iterator.return?.();
  if (failure) throw (failure as { error: unknown }).error;
}
