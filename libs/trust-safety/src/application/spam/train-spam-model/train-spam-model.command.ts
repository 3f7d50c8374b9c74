import { Command } from '@nestjs/cqrs';
import type { SpamModel } from '../../../domain/spam/spam-model.js';

/** Trains a new spam model on the corpus's training part and moderators' decisions, and stores it. */
export class TrainSpamModelCommand extends Command<SpamModel> {
  constructor(readonly onProgress?: (done: number, total: number, step: string) => void) {
    super();
  }
}
