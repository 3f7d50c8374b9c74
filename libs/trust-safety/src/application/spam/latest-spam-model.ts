import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { SpamModelRepository } from '../../domain/spam/spam.repository.js';
import { NaiveBayesSpamClassifier } from './naive-bayes-spam-classifier.js';
import { SpamScorer, type SpamScore } from './spam-scorer.js';

/** How often a node looks for a newer model (one indexed query). */
const REFRESH_MS = 60_000;

/**
 * The newest trained model, held in memory so a check scores synchronously; every node picks up a
 * retrained model within a minute. Until one is trained, the spam signal is absent.
 */
@Injectable()
export class LatestSpamModel extends SpamScorer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LatestSpamModel.name);
  private loaded: { version: string; classifier: NaiveBayesSpamClassifier } | null = null;
  private timer?: NodeJS.Timeout;

  constructor(private readonly models: SpamModelRepository) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  score(text: string): SpamScore | null {
    if (!this.loaded) return null;
    return { probability: this.loaded.classifier.probability(text), modelVersion: this.loaded.version };
  }

  /** Loads the newest model when its version differs from the one in memory. */
  async refresh(): Promise<void> {
    try {
      const version = await this.models.latestVersion();
      if (!version || version === this.loaded?.version) return;
      const model = await this.models.latest();
      if (model) this.loaded = { version: model.version, classifier: NaiveBayesSpamClassifier.load(model.parameters) };
    } catch (error) {
      // A failed refresh keeps the model in memory; the next one tries again.
      this.logger.warn(`Could not refresh the spam model: ${(error as Error).message}`);
    }
  }
}
