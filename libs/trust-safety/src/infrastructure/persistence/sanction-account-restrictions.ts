import { Injectable } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { AccountRestrictions, ForbiddenError, type Principal } from '@lib/platform';
import { AccountSanctionRepository } from '../../domain/standing/account-sanction.js';

/** The platform's restriction port, answered from the sanctions trust & safety keeps (ADR 0026). */
@Injectable()
export class SanctionAccountRestrictions extends AccountRestrictions {
  constructor(
    private readonly sanctions: AccountSanctionRepository,
    private readonly orm: MikroORM,
  ) {
    super();
  }

  async check(
    principal: Principal,
    request: { write: boolean; allowedWhileSuspended: boolean; allowedWhileBanned?: boolean },
  ): Promise<void> {
    // Appealing is the one thing a sanctioned account may always do.
    if (request.allowedWhileBanned) return;
    // Socket events reach the guard outside any request context: they get one of their own.
    const sanction = RequestContext.currentRequestContext()
      ? await this.sanctions.of(principal.userId)
      : await RequestContext.create(this.orm.em, () => this.sanctions.of(principal.userId));
    if (!sanction) return;
    if (sanction.bannedAt) throw new ForbiddenError('trust-safety.account.banned', 'This account is banned');
    if (sanction.suspendedAt && request.write && !request.allowedWhileSuspended)
      throw new ForbiddenError(
        'trust-safety.account.suspended',
        'This account is suspended: it can read but not write',
      );
  }
}
