import { Injectable } from '@nestjs/common';
import { AccountRestrictions, ForbiddenError, type Principal } from '@lib/platform';
import { AccountSanctionRepository } from '../../domain/standing/account-sanction.js';

/** The platform's restriction port, answered from the sanctions trust & safety keeps (ADR 0026). */
@Injectable()
export class SanctionAccountRestrictions extends AccountRestrictions {
  constructor(private readonly sanctions: AccountSanctionRepository) {
    super();
  }

  async check(
    principal: Principal,
    request: { write: boolean; allowedWhileSuspended: boolean; allowedWhileBanned?: boolean },
  ): Promise<void> {
    // Appealing is the one thing a sanctioned account may always do.
    if (request.allowedWhileBanned) return;
    // One bound statement on the pool (or the caller's transaction), needing no request context: socket events
    // reach the guard outside one, and making one forked an EntityManager for every event.
    const sanction = await this.sanctions.of(principal.userId);
    if (!sanction) return;
    if (sanction.bannedAt) throw new ForbiddenError('trust-safety.account.banned', 'This account is banned');
    if (sanction.suspendedAt && request.write && !request.allowedWhileSuspended)
      throw new ForbiddenError(
        'trust-safety.account.suspended',
        'This account is suspended: it can read but not write',
      );
  }
}
