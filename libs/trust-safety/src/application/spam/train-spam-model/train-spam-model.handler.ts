import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { measure, REPORTED_THRESHOLDS } from '../../../domain/spam/spam-metrics.js';
import type { SpamModel } from '../../../domain/spam/spam-model.js';
import { SpamExampleRepository, SpamModelRepository } from '../../../domain/spam/spam.repository.js';
import { LatestSpamModel } from '../latest-spam-model.js';
import { NAIVE_BAYES, NaiveBayesSpamClassifier, type LabelledText } from '../naive-bayes-spam-classifier.js';
import { isHeldOut, SpamCorpus } from '../spam-corpus.js';
import { TrainSpamModelCommand } from './train-spam-model.command.js';

@CommandHandler(TrainSpamModelCommand)
export class TrainSpamModelHandler implements ICommandHandler<TrainSpamModelCommand> {
  constructor(
    private readonly corpus: SpamCorpus,
    private readonly moderated: SpamExampleRepository,
    private readonly models: SpamModelRepository,
    private readonly latest: LatestSpamModel,
  ) {}

  async execute({ onProgress }: TrainSpamModelCommand): Promise<SpamModel> {
    onProgress?.(0, 1, 'loading the corpus');
    const corpus = await this.corpus.examples();
    const heldOut = corpus.filter((example) => isHeldOut(example.key));
    // Moderators' decisions only ever train: the held-out part stays the public corpus's, so
    // numbers stay comparable from one model to the next.
    const moderated: LabelledText[] = (await this.moderated.all()).map((example) => ({
      key: `moderator:${example.id}`,
      text: example.text,
      isSpam: example.isSpam,
    }));
    const training = [...corpus.filter((example) => !isHeldOut(example.key)), ...moderated];

    const classifier = NaiveBayesSpamClassifier.train(training, (done, total) => onProgress?.(done, total, 'training'));
    const predictions = heldOut.map((example) => ({
      probability: classifier.probability(example.text),
      isSpam: example.isSpam,
    }));
    const trainedAt = new Date();
    const model: SpamModel = {
      version: `nb-${trainedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`,
      algorithm: NAIVE_BAYES,
      parameters: classifier.serialise(),
      trainedOn: { corpus: training.length - moderated.length, moderated: moderated.length },
      metrics: REPORTED_THRESHOLDS.map((threshold) => measure(predictions, threshold)),
      trainedAt,
    };
    await this.models.add(model);
    await this.latest.refresh();
    return model;
  }
}
