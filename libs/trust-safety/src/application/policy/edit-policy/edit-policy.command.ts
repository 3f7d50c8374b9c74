import { Command } from '@nestjs/cqrs';
import type { ModerationPolicy } from '../../../domain/policy/moderation-policy.js';

/** An admin replaces the policy; the document is checked whole and saved as the next version. */
export class EditPolicyCommand extends Command<ModerationPolicy> {
  constructor(
    readonly document: unknown,
    readonly editedBy: string,
  ) {
    super();
  }
}
