import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ExportRepository, type Export } from '../../../domain/export.js';
import { ExportNotFoundError } from '../../../domain/insights.errors.js';
import { GetExportQuery } from './get-export.query.js';

/** The caller's own export (anyone else's is "not found"). */
@QueryHandler(GetExportQuery)
export class GetExportHandler implements IQueryHandler<GetExportQuery, Export> {
  constructor(private readonly exports: ExportRepository) {}

  async execute({ userId, exportId }: GetExportQuery): Promise<Export> {
    const entry = await this.exports.byId(exportId);
    if (!entry || entry.userId !== userId) throw new ExportNotFoundError(exportId);
    return entry;
  }
}
