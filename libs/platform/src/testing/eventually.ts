/**
 * Retries a probe (usually holding expect() calls) until it passes: for effects that happen
 * asynchronously (outbox → queue → consumer). The last failure is rethrown on timeout.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
    }
  }
}
