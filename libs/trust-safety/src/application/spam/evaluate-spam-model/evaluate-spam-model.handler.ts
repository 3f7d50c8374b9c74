import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { measure, REPORTED_THRESHOLDS } from '../../../domain/spam/spam-metrics.js';
import { SpamModelRepository } from '../../../domain/spam/spam.repository.js';
import { SpamModelMissingError } from '../../../domain/spam/spam.errors.js';
import { NaiveBayesSpamClassifier } from '../naive-bayes-spam-classifier.js';
import { isHeldOut, SpamCorpus } from '../spam-corpus.js';
import { EvaluateSpamModelQuery, type SpamEvaluation } from './evaluate-spam-model.query.js';

@QueryHandler(EvaluateSpamModelQuery)
export class EvaluateSpamModelHandler implements IQueryHandler<EvaluateSpamModelQuery> {
  constructor(
    private readonly corpus: SpamCorpus,
    private readonly models: SpamModelRepository,
  ) {}

  async execute(): Promise<SpamEvaluation> {
    const model = await this.models.latest();
    if (!model) throw new SpamModelMissingError();
    const classifier = NaiveBayesSpamClassifier.load(model.parameters);
    const heldOut = (await this.corpus.examples()).filter((example) => isHeldOut(example.key));
    const predictions = heldOut.map((example) => ({
      probability: classifier.probability(example.text),
      isSpam: example.isSpam,
    }));
    return {
      version: model.version,
      trainedAt: model.trainedAt,
      trainedOn: model.trainedOn,
      metrics: REPORTED_THRESHOLDS.map((threshold) => measure(predictions, threshold)),
    };
  }
}
