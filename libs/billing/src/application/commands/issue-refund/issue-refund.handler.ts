import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '@lib/trust-safety/contracts';
import { PaymentNotFoundError } from '../../../domain/payment/payment.errors.js';
import { PaymentRepository } from '../../../domain/payment/payment.repository.js';
import { PaymentProvider } from '../../payment-provider.js';
import { toRefundView } from '../../payment-views.js';
import { IssueRefundCommand } from './issue-refund.command.js';

/**
 * Refund in three steps, so neither a crash nor a race can pay out twice: (1) reserve the amount on
 * the payment and record a pending refund, (2) call the provider with the refund's id as idempotency
 * key, (3) settle the refund with its credit note. The provider's `charge.refunded` webhook then
 * finds the amount already accounted for.
 */
@CommandHandler(IssueRefundCommand)
export class IssueRefundHandler implements ICommandHandler<IssueRefundCommand> {
  private readonly logger = new Logger(IssueRefundHandler.name);

  constructor(
    private readonly payments: PaymentRepository,
    private readonly provider: PaymentProvider,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  async execute(command: IssueRefundCommand) {
    const refund = await this.unitOfWork.transactional(async () => {
      const payment = await this.payments.paymentById(command.paymentId);
      if (!payment) throw new PaymentNotFoundError(command.paymentId);
      const requested = payment.requestRefund(
        {
          amount: command.amount,
          reason: command.reason,
          comment: command.comment,
          requestedBy: command.adminId,
          force: command.force,
        },
        new Date(),
        this.config.billing.refundWindowDays,
      );
      this.payments.add(requested);
      await this.audit.record({
        actorId: command.adminId,
        action: 'billing.refund.requested',
        target: { type: 'payment', id: command.paymentId },
        reason: command.comment ?? command.reason,
        data: { refundId: requested.id, amount: requested.amount, reason: command.reason, force: command.force },
      });
      return requested;
    });
    const payment = (await this.payments.paymentById(refund.paymentId))!;
    try {
      if (!payment.providerPaymentId) throw new Error('the payment has no provider payment to refund');
      const result = await this.provider.refund(
        {
          providerPaymentId: payment.providerPaymentId,
          amount: refund.amount,
          reason: refund.reason,
          refundId: refund.id,
        },
        `refund:${refund.id}`,
      );
      return await this.unitOfWork.transactional(async () => {
        const pending = (await this.payments.refundById(refund.id))!;
        pending.succeed(result.providerRefundId, await this.payments.nextCreditNoteNumber());
        return toRefundView(pending);
      });
    } catch (error) {
      this.logger.error({ err: error, refundId: refund.id }, 'refund failed at the provider');
      await this.unitOfWork.transactional(async () => {
        const pending = (await this.payments.refundById(refund.id))!;
        const reserved = (await this.payments.paymentById(refund.paymentId))!;
        pending.fail(error instanceof Error ? error.message : String(error));
        reserved.releaseRefund(pending);
      });
      throw error;
    }
  }
}
