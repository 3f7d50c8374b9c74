/**
 * Times the stages of one run of an operation: each `lap(stage)` records the time since the previous lap (or since
 * the start) under that stage's name. The sum of an operation's stages is its whole duration, so a slow p95 shows
 * which stage it waits in (a pool, a row lock, a Redis round trip) without a profiler.
 */
export class Stopwatch {
  private last = performance.now();

  constructor(private readonly record: (stage: string, seconds: number) => void) {}

  lap(stage: string): void {
    const now = performance.now();
    this.record(stage, (now - this.last) / 1_000);
    this.last = now;
  }
}
