import { DomainError } from '@lib/platform/ddd';

/** Studio's copy of an account (from identity's events): whom a handle or e-mail invitation names. */
export class StudioPerson {
  constructor(
    readonly userId: string,
    public handle: string,
    public displayName: string,
    public email: string | null,
  ) {}
}

export class PersonNotFoundError extends DomainError {
  readonly code = 'studio.person.not-found';
  readonly kind = 'not-found';
  constructor(details: Record<string, unknown>) {
    super('No account matches this handle or e-mail', details);
  }
}
