/** What one user does about another: a block stops all contact both ways; a mute only hides. */
export type RestrictionKind = 'block' | 'mute';

export class Restriction {
  readonly createdAt: Date = new Date();
  constructor(
    readonly ownerId: string,
    readonly targetId: string,
    readonly kind: RestrictionKind,
  ) {}
}
