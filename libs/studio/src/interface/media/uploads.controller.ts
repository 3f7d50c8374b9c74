import {
  Body,
  Controller,
  Delete,
  Get,
  Head,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  type ApiHeaderOptions,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems, CurrentUser, problem, type Principal } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { MediaUploads } from '../../application/media/media-uploads.js';
import { UploadMetadataError, UploadTooLargeError } from '../../domain/media/media.errors.js';
import { TusUploadServer } from '../../infrastructure/media/tus-upload-server.js';
import { UploadCheckRequest, UploadCheckResponse, UploadResponse } from './media.dto.js';

/** tus `Upload-Metadata`: comma-separated `key base64value` pairs. */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [key, value] = pair.trim().split(' ');
    if (!key) continue;
    if (!/^[a-zA-Z0-9_.-]{1,64}$/.test(key))
      throw new UploadMetadataError('studio.upload.metadata-invalid', `Invalid metadata key '${key.slice(0, 64)}'`);
    metadata[key] = value ? Buffer.from(value, 'base64').toString('utf8') : '';
  }
  return metadata;
}

/** tus requires the protocol version on every request but OPTIONS (412 `studio.upload.tus-resumable-required` without it). */
const TUS_RESUMABLE: ApiHeaderOptions = {
  name: 'Tus-Resumable',
  required: true,
  schema: { type: 'string', enum: ['1.0.0'] },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resumable uploads (tus 1.0: creation, creation-with-upload, termination) at /v1/studio/uploads.
 * Each request is authenticated and authorised here, then handed to the tus server with the raw
 * request (the content-type parser for application/offset+octet-stream leaves the body unread).
 */
@ApiTags('studio media')
@ApiBearerAuth()
@Controller('v1/studio/uploads')
export class UploadsController {
  constructor(
    private readonly uploads: MediaUploads,
    private readonly tus: TusUploadServer,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Start a resumable upload (tus creation)',
    description:
      'tus 1.0 creation: `Upload-Length` (bytes) and `Upload-Metadata` with `channelId` and `filename` (base64). The caller must be owner or editor of the channel; the size limit is set by the channel owner’s plan. The upload counts against the owner’s `uploads_per_month` and its bytes against `storage_bytes`: past either, 402 `billing.quota.exceeded` with `entitlement`, `limit`, `used`, `requested`, `periodEnd`, `upgradeTo` and `liftedBy` (the cheapest plan that lifts it). Answers 201 with `Location`; then PATCH the bytes. When the last byte arrives the file is probed: a non-video, truncated or empty file is refused with 422 and a `studio.media.*` code.',
  })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Length', required: true })
  @ApiHeader({ name: 'Upload-Metadata', required: true, example: 'channelId <base64>,filename <base64>' })
  @ApiResponse({
    status: 201,
    description: 'Upload created; `Location` is its URL',
    headers: {
      Location: { description: 'The upload’s URL, for HEAD and PATCH', schema: { type: 'string' } },
      'Tus-Resumable': { schema: { type: 'string', example: '1.0.0' } },
    },
  })
  @ApiProblems(400, 401, 402, 403, 413, 422)
  async create(
    @CurrentUser() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const metadata = parseUploadMetadata(header(request, 'upload-metadata'));
    const channelId = metadata.channelId ?? '';
    if (!UUID.test(channelId))
      throw new UploadMetadataError(
        'studio.upload.metadata-invalid',
        'Upload-Metadata must carry the channelId (a UUID) of the channel',
      );
    const length = header(request, 'upload-length');
    if (!length || !/^\d{1,15}$/.test(length))
      throw new UploadMetadataError(
        'studio.upload.length-required',
        'Upload-Length is required (deferred lengths are not supported)',
      );
    await this.uploads.assertCanUpload(principal.userId, channelId);
    try {
      await this.uploads.assertWithinLimit(channelId, Number(length));
    } catch (error) {
      // 413 is what tus clients expect for "too large".
      if (!(error instanceof UploadTooLargeError)) throw error;
      await reply
        .code(413)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send(problem(413, error.code, error.message, error.details));
      return;
    }
    // Counted before tus creates anything, so concurrent creations never pass the owner's limits (402).
    const uploadId = newId();
    await this.uploads.reserve(channelId, uploadId, Number(length));
    reply.hijack();
    try {
      await this.tus.handle(
        { userId: principal.userId, channelId, filename: metadata.filename, newUploadId: uploadId },
        request.raw,
        reply.raw,
      );
    } finally {
      if (reply.raw.statusCode !== 201)
        await this.uploads.unreserve(channelId, uploadId, Number(length)).catch(() => undefined);
    }
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Bulk-upload pre-check: which files are already in the channel’s library',
    description: 'Send the SHA-256 of each file before uploading; `duplicate` ones need not be sent again.',
  })
  @ApiOkResponse({ type: UploadCheckResponse })
  @ApiProblems(400, 401, 402, 403)
  async check(@CurrentUser() principal: Principal, @Body() body: UploadCheckRequest): Promise<UploadCheckResponse> {
    return { results: await this.uploads.check(principal.userId, body.channelId, body.checksums) };
  }

  @Head(':id')
  @ApiOperation({ summary: 'The upload’s offset (tus HEAD), to resume it' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiResponse({ status: 200, description: '`Upload-Offset` and `Upload-Length` headers' })
  @ApiProblems(401, 404, 412)
  async head(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.uploads.ownUpload(principal.userId, id);
    reply.hijack();
    await this.tus.handle({ userId: principal.userId, uploadId: id }, request.raw, reply.raw);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The upload’s state: uploading, accepted (probed) or rejected with a code' })
  @ApiOkResponse({ type: UploadResponse })
  @ApiProblems(401, 404)
  status(@CurrentUser() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.uploads.view(principal.userId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Send bytes from `Upload-Offset` (tus PATCH, `application/offset+octet-stream`)' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiHeader({ name: 'Upload-Offset', required: true })
  @ApiResponse({ status: 204, description: 'Bytes stored; the new `Upload-Offset` is in the headers' })
  @ApiProblems(400, 401, 403, 404, 409, 410, 412, 415, 422)
  async patch(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.uploads.ownUpload(principal.userId, id);
    reply.hijack();
    await this.tus.handle({ userId: principal.userId, uploadId: id }, request.raw, reply.raw);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Abandon an unfinished upload (tus termination)' })
  @ApiHeader(TUS_RESUMABLE)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiProblems(400, 401, 404, 412)
  async terminate(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    await this.uploads.ownUpload(principal.userId, id);
    reply.hijack();
    await this.tus.handle({ userId: principal.userId, uploadId: id }, request.raw, reply.raw);
    if (reply.raw.statusCode === 204) await this.uploads.terminated(id);
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
