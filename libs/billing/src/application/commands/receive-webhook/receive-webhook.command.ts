import { Command } from '@nestjs/cqrs';

export class ReceiveWebhookCommand extends Command<{ id: string; duplicate: boolean }> {
  constructor(
    readonly rawBody: Buffer,
    readonly signature: string | undefined,
  ) {
    super();
  }
}
