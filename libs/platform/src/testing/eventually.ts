/**
 * Retries a probe (usually holding expect() calls) until it passes: for effects that happen
 * asynchronously (outbox → queue → consumer). The last failure is rethrown on timeout.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  options: {
    timeoutMs?: number;
    intervalMs?: number;
    /** A failure no retry can mend (the process being waited for has exited): rethrown at once. */
    stopOn?: (error: unknown) => boolean;
  } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline || options.stopOn?.(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
    }
  }
}
