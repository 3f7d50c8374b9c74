import { DomainError } from '@lib/platform/ddd';

export class InvalidIpRangeError extends DomainError {
  readonly code = 'identity.ip-block.invalid';
  readonly kind = 'invalid' as const;
  constructor(reason: string) {
    super(`The IP block is not valid: ${reason}`);
  }
}

export class IpBlockExistsError extends DomainError {
  readonly code = 'identity.ip-block.exists';
  readonly kind = 'conflict' as const;
  constructor(range: string) {
    super(`${range} is already blocked`, { range });
  }
}

export class IpBlockNotFoundError extends DomainError {
  readonly code = 'identity.ip-block.not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No such IP block');
  }
}

export class OwnAddressBlockError extends DomainError {
  readonly code = 'identity.ip-block.own-address';
  readonly kind = 'rule-violated' as const;
  constructor(range: string) {
    super(`${range} contains the address you are calling from; an admin cannot lock themselves out`, { range });
  }
}
