import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { parsePolicyDocument, type ModerationPolicy } from '../../../domain/policy/moderation-policy.js';
import { ModerationPolicyRepository } from '../../../domain/policy/moderation-policy.repository.js';
import { CurrentPolicy } from '../current-policy.js';
import { PolicyChangeAudit } from '../policy-change-audit.js';
import { EditPolicyCommand } from './edit-policy.command.js';

@CommandHandler(EditPolicyCommand)
export class EditPolicyHandler implements ICommandHandler<EditPolicyCommand> {
  constructor(
    private readonly policies: ModerationPolicyRepository,
    private readonly policy: CurrentPolicy,
    private readonly audit: PolicyChangeAudit,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ document, editedBy }: EditPolicyCommand): Promise<ModerationPolicy> {
    const parsed = parsePolicyDocument(document);
    return this.unitOfWork.transactional(async () => {
      const saved = await this.policies.saveNext(parsed, editedBy);
      await this.audit.record({ previousVersion: saved.version - 1, policy: saved });
      this.unitOfWork.afterCommit(() => this.policy.use(saved));
      return saved;
    });
  }
}
