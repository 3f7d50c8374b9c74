import { DomainError } from '@lib/platform/ddd';

export class InvalidRatingError extends DomainError {
  readonly code = 'engagement.rating.invalid';
  readonly kind = 'invalid';
  constructor(stars: unknown) {
    super('A rating is a whole number of stars from 1 to 5', { stars, min: 1, max: 5 });
  }
}
