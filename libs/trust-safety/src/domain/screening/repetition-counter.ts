/** How often an author posted the same normalised text within a window (shared by every node). */
export abstract class RepetitionCounter {
  /**
   * The number of times the author posted `fingerprint` within the window, this time included.
   * With `count: false` it only looks (a dry run counts nothing).
   */
  abstract seen(
    authorId: string,
    fingerprint: string,
    windowSeconds: number,
    options: { count: boolean },
  ): Promise<number>;
}
