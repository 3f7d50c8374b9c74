/** The promise's outcome, or a rejection naming what did not finish within `ms`: a wait that would never end fails. */
export async function within<T>(promise: Promise<T>, ms: number, what = 'the wait'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
