import type { SpamExample, SpamModel } from './spam-model.js';

export abstract class SpamModelRepository {
  abstract latest(): Promise<SpamModel | null>;
  /** The latest version only: cheap enough to poll for a newer model. */
  abstract latestVersion(): Promise<string | null>;
  abstract add(model: SpamModel): Promise<void>;
}

export abstract class SpamExampleRepository {
  abstract add(example: SpamExample): Promise<void>;
  abstract all(): Promise<SpamExample[]>;
}
