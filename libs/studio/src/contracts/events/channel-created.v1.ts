import { IntegrationEvent } from '@lib/platform';
import { IsISO8601, IsString, IsUUID } from 'class-validator';

/** A creator opened a channel (its owner is the creator). Insights counts channels; engagement may suggest it. */
export class ChannelCreatedV1 extends IntegrationEvent {
  static override readonly type = 'studio.channel-created.v1';

  @IsUUID() readonly channelId!: string;
  @IsUUID() readonly ownerId!: string;
  @IsString() readonly name!: string;
  @IsISO8601() readonly createdAt!: string;

  constructor(payload: ChannelCreatedV1) {
    super();
    Object.assign(this, payload);
  }
}
