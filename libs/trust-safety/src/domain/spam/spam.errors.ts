import { DomainError } from '@lib/platform/ddd';

export class SpamModelMissingError extends DomainError {
  readonly code = 'trust-safety.spam-model.missing';
  readonly kind = 'not-found';
  constructor() {
    super('No spam model is trained yet: run `npm run cli -- trust:train-spam`');
  }
}
