import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { CustomerAccounts } from '../../customer-accounts.js';
import { PaymentProvider } from '../../payment-provider.js';
import { OpenPortalCommand } from './open-portal.command.js';

/** The provider's self-service portal (payment methods, invoices, cancellation). */
@CommandHandler(OpenPortalCommand)
export class OpenPortalHandler implements ICommandHandler<OpenPortalCommand> {
  constructor(
    private readonly customers: CustomerAccounts,
    private readonly provider: PaymentProvider,
    private readonly config: AppConfig,
  ) {}

  async execute({ userId }: OpenPortalCommand) {
    const providerCustomerId = await this.customers.ensure(userId);
    return { url: await this.provider.createPortalSession(providerCustomerId, `${this.config.urls.app}/billing`) };
  }
}
