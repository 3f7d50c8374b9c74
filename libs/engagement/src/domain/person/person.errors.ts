import { DomainError } from '@lib/platform/ddd';

export class PersonNotFoundError extends DomainError {
  readonly code = 'engagement.person.not-found';
  readonly kind = 'not-found';
  constructor(userId: string) {
    super('There is no such person', { userId });
  }
}
