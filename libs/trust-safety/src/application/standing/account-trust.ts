import { Injectable } from '@nestjs/common';
import { AccountDirectory } from '@lib/identity/contracts';
import { trustLevelFor } from '../../domain/standing/account-sanction.js';

/** Trust levels from identity's account facts (account age today; trust scores come later). */
@Injectable()
export class AccountTrust {
  constructor(private readonly accounts: AccountDirectory) {}

  async levelOf(userId: string): Promise<0 | 1 | 2> {
    const account = await this.accounts.accountOf(userId);
    return trustLevelFor(account?.createdAt ?? null, new Date());
  }
}
