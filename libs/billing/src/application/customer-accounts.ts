import { Injectable } from '@nestjs/common';
import { CustomerRepository } from '../domain/customer/customer.repository.js';
import { PaymentProvider } from './payment-provider.js';

/** The provider customer of a user, created on first need (with an idempotency key per user). */
@Injectable()
export class CustomerAccounts {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly provider: PaymentProvider,
  ) {}

  async ensure(userId: string): Promise<string> {
    const existing = await this.customers.byUser(userId);
    if (existing) return existing.providerCustomerId;
    const account = await this.customers.accountOf(userId);
    const providerCustomerId = await this.provider.createCustomer(
      { userId, email: account?.email ?? null, name: account?.displayName ?? null },
      `customer:${userId}`,
    );
    // Two racing checkouts get the same customer (same idempotency key); the first link wins.
    return (await this.customers.link(userId, providerCustomerId)).providerCustomerId;
  }
}
