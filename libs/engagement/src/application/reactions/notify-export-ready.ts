import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ExportReadyV1 } from '@lib/insights/contracts';
import { Notifier } from '../notifier.js';

/** An analytics export someone asked for is ready to download. */
@Injectable()
@IntegrationEventConsumer({ name: 'engagement.notify-export-ready', on: [ExportReadyV1] })
export class NotifyExportReady implements EventConsumer<ExportReadyV1> {
  constructor(private readonly notifier: Notifier) {}

  async handle({ event, envelope }: ConsumerContext<ExportReadyV1>): Promise<void> {
    await this.notifier.notify({
      occurrence: envelope.id,
      userId: event.userId,
      type: 'export.ready',
      subjectId: event.exportId,
      data: {
        exportId: event.exportId,
        channelId: event.channelId,
        report: event.report,
        format: event.format,
        downloadPath: event.downloadPath,
      },
      email: {
        subject: 'Your export is ready',
        text: `Your ${event.report} export (${event.format.toUpperCase()}) is ready to download from ${event.downloadPath}.`,
      },
    });
  }
}
