import { Command } from '@nestjs/cqrs';
import type { RefundReason } from '../../../domain/payment/refund.js';
import type { RefundView } from '../../payment-views.js';

export class IssueRefundCommand extends Command<RefundView> {
  constructor(
    readonly adminId: string,
    readonly paymentId: string,
    readonly amount: number | undefined,
    readonly reason: RefundReason,
    readonly comment: string | null,
    readonly force: boolean,
  ) {
    super();
  }
}
