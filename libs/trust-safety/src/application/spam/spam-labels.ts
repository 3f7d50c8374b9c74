import { Injectable } from '@nestjs/common';
import { newId } from '@lib/platform';
import { SpamExampleRepository } from '../../domain/spam/spam.repository.js';

/**
 * Where moderators' confirmed spam / not-spam decisions go: each becomes a labelled example for the
 * next `trust:train-spam`. `SpamDecisionLabels` calls `record` when a moderator decides a spam-rule item.
 */
@Injectable()
export class SpamLabels {
  constructor(private readonly examples: SpamExampleRepository) {}

  async record(
    text: string,
    isSpam: boolean,
    decidedBy: string,
    source: { decisionId: string; flaggedByModel: boolean } | null = null,
  ): Promise<void> {
    await this.examples.add({
      id: newId(),
      text,
      isSpam,
      decidedBy,
      decidedAt: new Date(),
      decisionId: source?.decisionId ?? null,
      flaggedByModel: source?.flaggedByModel ?? false,
    });
  }
}
