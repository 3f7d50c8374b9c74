import type { ExportFormat, ExportReport } from '../../../domain/export.js';

export class RequestExportCommand {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly report: ExportReport,
    readonly format: ExportFormat,
    readonly from: Date,
    readonly to: Date,
    readonly tz: string,
  ) {}
}
