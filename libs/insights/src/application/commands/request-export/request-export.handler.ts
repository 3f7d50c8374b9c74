import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@lib/platform';
import { Export, ExportRepository } from '../../../domain/export.js';
import { ChannelNotFoundError } from '../../../domain/insights.errors.js';
import { reportRange } from '../../../domain/report-range.js';
import { AnalyticsAccess } from '../../analytics-access.js';
import { downloadPath } from '../../exports/export-producer.js';
import { ExportQueue } from '../../exports/export-queue.js';
import { RequestExportCommand } from './request-export.command.js';

/** Records the export and hands it to the worker; the caller hears back over the socket. */
@CommandHandler(RequestExportCommand)
export class RequestExportHandler implements ICommandHandler<RequestExportCommand> {
  constructor(
    private readonly exports: ExportRepository,
    private readonly access: AnalyticsAccess,
    private readonly queue: ExportQueue,
  ) {}

  async execute(command: RequestExportCommand) {
    const range = reportRange(command.from, command.to, command.tz);
    await this.access.require(
      command.userId,
      command.channelId,
      'basic',
      () => new ChannelNotFoundError(command.channelId),
    );
    const entry = new Export(
      newId(),
      command.userId,
      command.channelId,
      command.report,
      command.format,
      range.from,
      range.to,
      range.tz,
      new Date(),
    );
    await this.exports.add(entry);
    await this.queue.enqueue(entry.id);
    return {
      id: entry.id,
      status: entry.status,
      report: entry.report,
      format: entry.format,
      downloadPath: downloadPath(entry.id),
    };
  }
}
