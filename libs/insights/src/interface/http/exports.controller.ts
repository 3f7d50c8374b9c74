import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { RequestExportCommand } from '../../application/commands/request-export/request-export.command.js';
import { downloadPath } from '../../application/exports/export-producer.js';
import { ExportFiles } from '../../application/exports/report-source.js';
import { GetExportQuery } from '../../application/queries/get-export/get-export.query.js';
import type { Export } from '../../domain/export.js';
import { ExportNotReadyError } from '../../domain/insights.errors.js';
import { ExportRequest, ExportResponse } from './insights.dto.js';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

@ApiTags('insights')
@ApiBearerAuth()
@Controller('v1/insights/exports')
export class ExportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly files: ExportFiles,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Export a channel report as CSV or PDF (a job)',
    description:
      'Answers at once with the export id. When the file is ready the caller’s sockets get `insights:export-ready` (and ' +
      '`insights.export-ready.v1` is published for notifications); then `GET /v1/insights/exports/{id}` downloads it.',
  })
  @ApiAcceptedResponse({ type: ExportResponse })
  @ApiProblems(400, 401, 403, 404)
  request(@CurrentUser() principal: Principal, @Body() body: ExportRequest) {
    return this.commands.execute(
      new RequestExportCommand(
        principal.userId,
        body.channelId.toLowerCase(),
        body.report,
        body.format,
        new Date(body.from),
        new Date(body.to),
        body.tz ?? 'UTC',
      ),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'Download an export (202 with its status while it is being produced)' })
  @ApiOkResponse({
    description: 'The file, as its format asked',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({ type: ExportResponse, description: 'Not ready yet' })
  @ApiProblems(401, 404, 409)
  async download(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const entry = await this.queries.execute<GetExportQuery, Export>(new GetExportQuery(principal.userId, id));
    if (entry.status === 'pending') {
      await reply.status(202).send({
        id: entry.id,
        status: entry.status,
        report: entry.report,
        format: entry.format,
        downloadPath: downloadPath(entry.id),
      });
      return;
    }
    if (entry.status !== 'ready') throw new ExportNotReadyError(entry.id, entry.status);
    const name = `${entry.report}-${entry.rangeFrom.toISOString().slice(0, 10)}-${entry.rangeTo.toISOString().slice(0, 10)}.${entry.format}`;
    await reply
      .status(200)
      .header('content-type', CONTENT_TYPES[entry.format])
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('content-length', String(entry.bytes ?? 0))
      .send(Readable.from(this.files.read(entry.id)));
  }
}
