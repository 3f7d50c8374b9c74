import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, Public } from '@lib/platform';
import { ReceiveWebhookCommand } from '../../application/commands/receive-webhook/receive-webhook.command.js';
import { InvalidWebhookSignatureError } from '../../domain/webhook/webhook-event.errors.js';

@ApiTags('billing')
@Controller('v1/billing/webhooks')
export class StripeWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post('stripe')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Stripe webhook endpoint',
    description:
      'Verifies the signature on the raw body, stores the event (once per Stripe event id) and answers at once; a job applies it.',
  })
  @ApiHeader({ name: 'stripe-signature', required: true })
  @ApiOkResponse({ schema: { properties: { received: { type: 'boolean' }, duplicate: { type: 'boolean' } } } })
  @ApiProblems(400)
  async receive(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature?: string) {
    if (!request.rawBody) throw new InvalidWebhookSignatureError('A webhook must be sent as application/json');
    const stored = await this.commands.execute(new ReceiveWebhookCommand(request.rawBody, signature));
    return { received: true, duplicate: stored.duplicate };
  }
}
