import { DomainError } from '@lib/platform/ddd';

export class NotificationNotFoundError extends DomainError {
  readonly code = 'engagement.notification.not-found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('There is no such notification', { id });
  }
}
