/** The link between one of our users and their customer record at the payment provider. */
export class Customer {
  constructor(
    readonly userId: string,
    readonly providerCustomerId: string,
    readonly createdAt: Date = new Date(),
  ) {}
}

/** What billing knows of a user for the provider's customer record (from identity's events). */
export class BillingAccount {
  constructor(
    readonly userId: string,
    public email: string,
    public displayName: string,
  ) {}
}
