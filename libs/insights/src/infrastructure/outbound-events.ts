import { OutboundEventMap } from '@lib/platform';
import { ExportReadyV1, VideoViewCount, VideoViewsCountedV1 } from '../contracts/index.js';
import { ViewsCounted } from '../domain/view-count-batch.js';
import { ExportReady } from '../domain/export.js';
import { downloadPath } from '../application/exports/export-producer.js';

/** Which insights facts leave the context, and in what shape. */
export const insightsOutboundEvents = new OutboundEventMap()
  .on(
    ExportReady,
    (event) =>
      new ExportReadyV1({
        exportId: event.aggregateId,
        userId: event.userId,
        channelId: event.channelId,
        report: event.report,
        format: event.format,
        downloadPath: downloadPath(event.aggregateId),
      }),
  )
  .on(
    ViewsCounted,
    (event) =>
      new VideoViewsCountedV1({
        // Instances, so the payload's nested validation sees what it checks.
        counts: event.counts.map((count) => Object.assign(new VideoViewCount(), count)),
        countedAt: event.countedAt.toISOString(),
      }),
  );
