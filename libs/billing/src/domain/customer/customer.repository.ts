import type { BillingAccount, Customer } from './customer.js';

export abstract class CustomerRepository {
  abstract byUser(userId: string): Promise<Customer | null>;
  abstract byProviderId(providerCustomerId: string): Promise<Customer | null>;
  /** Links a user and a provider customer; the first link wins (returns the link in force). */
  abstract link(userId: string, providerCustomerId: string): Promise<Customer>;
  /** The e-mail and name identity told us about, for the provider's customer record. */
  abstract accountOf(userId: string): Promise<BillingAccount | null>;
}
