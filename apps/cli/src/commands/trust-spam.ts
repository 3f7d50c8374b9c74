import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { Presets, SingleBar } from 'cli-progress';
import { EvaluateSpamModelQuery, TrainSpamModelCommand, type SpamMetrics } from '@lib/trust-safety';
import type { CliContext } from '../cli-context.js';

/** Trains a new spam model (corpus training part + moderators' decisions), stores it and prints its held-out numbers. */
export async function trainSpam(context: CliContext): Promise<void> {
  const app = await context.app();
  const bar = new SingleBar(
    { format: 'spam model |{bar}| {value}/{total} texts, {step}', hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(1, 0, { step: 'starting' });
  try {
    const command = new TrainSpamModelCommand((done, total, step) => {
      bar.setTotal(total);
      bar.update(done, { step });
    });
    const model = await RequestContext.create(app.get(MikroORM).em, () => app.get(CommandBus).execute(command));
    bar.stop();
    console.log(
      `Stored spam model ${model.version} (${model.algorithm}), trained on ${model.trainedOn.corpus} corpus texts and ${model.trainedOn.moderated} moderators' decisions.`,
    );
    printMetrics(model.metrics);
  } catch (error) {
    bar.stop();
    throw error;
  }
}

/** Measures the newest stored model on the held-out part of the corpus. */
export async function evaluateSpam(context: CliContext): Promise<void> {
  const app = await context.app();
  const evaluation = await RequestContext.create(app.get(MikroORM).em, () =>
    app.get(QueryBus).execute(new EvaluateSpamModelQuery()),
  );
  console.log(`Spam model ${evaluation.version}, trained ${evaluation.trainedAt.toISOString()}:`);
  printMetrics(evaluation.metrics);
}

function printMetrics(metrics: SpamMetrics[]): void {
  const held = metrics[0]?.examples ?? 0;
  console.log(`Held-out texts: ${held} (a fixed, seeded 20 % of the SpamAssassin corpus)`);
  console.table(
    metrics.map((m) => ({
      'spam if p ≥': m.threshold,
      precision: m.precision,
      recall: m.recall,
      F1: m.f1,
      'false-positive rate': m.falsePositiveRate,
      'TP / FP / TN / FN': `${m.truePositives} / ${m.falsePositives} / ${m.trueNegatives} / ${m.falseNegatives}`,
    })),
  );
}
