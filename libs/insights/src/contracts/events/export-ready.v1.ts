import { IntegrationEvent } from '@lib/platform';
import { IsIn, IsString, IsUUID } from 'class-validator';

/** A requested analytics export can be downloaded; engagement may turn it into a notification. */
export class ExportReadyV1 extends IntegrationEvent {
  static override readonly type = 'insights.export-ready.v1';

  @IsUUID() readonly exportId!: string;
  @IsUUID() readonly userId!: string;
  @IsUUID() readonly channelId!: string;
  @IsString() readonly report!: string;
  @IsIn(['csv', 'pdf']) readonly format!: string;
  /** Relative to the API: `GET` it with the user's token. */
  @IsString() readonly downloadPath!: string;

  constructor(payload: ExportReadyV1) {
    super();
    Object.assign(this, payload);
  }
}
