import { Command } from '@nestjs/cqrs';
import type { RestrictionKind } from '../../../domain/restriction/restriction.js';

/** Block or mute someone (`on: true`), or lift it. */
export class SetRestrictionCommand extends Command<{ kind: RestrictionKind; on: boolean }> {
  constructor(
    readonly ownerId: string,
    readonly targetId: string,
    readonly kind: RestrictionKind,
    readonly on: boolean,
  ) {
    super();
  }
}
