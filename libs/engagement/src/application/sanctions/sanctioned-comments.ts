/** Which comments a sanction took off the page, so that lifting it restores exactly those. */
export abstract class SanctionedComments {
  /** The author's comments on the page now (visible, not deleted). */
  abstract visibleIdsOf(authorId: string): Promise<string[]>;
  abstract remember(authorId: string, sanction: string, commentIds: string[]): Promise<void>;
  /** Forgets the sanction's comments; answers those no other sanction still keeps hidden. */
  abstract release(authorId: string, sanction: string): Promise<string[]>;
}
