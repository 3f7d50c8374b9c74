import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems, Public } from '@lib/platform';
import { MediaDelivery } from '../../application/media/media-delivery.js';

/**
 * Signed media delivery: HLS playlists (URIs inside re-signed), segments, thumbnails and previews.
 * Public: the signature in the URL is the authorisation, so players and CDNs need no token.
 */
@ApiTags('studio media')
@Controller('v1/media')
export class MediaDeliveryController {
  constructor(private readonly delivery: MediaDelivery) {}

  @Get(':assetId/*')
  @Public()
  @ApiOperation({
    summary:
      'A signed media file: HLS master or variant playlist, segment, thumbnail, preview or channel branding image',
    description:
      'URLs come from playback (`masterUrl`) and from the playlists themselves; each carries `exp` (unix seconds) and `sig`. Expired links answer 403 `studio.media-url.expired`, altered ones 403 `studio.media-url.invalid`.',
  })
  @ApiParam({ name: 'assetId', format: 'uuid', description: 'The asset (or, for branding images, the channel)' })
  @ApiParam({
    name: 'path',
    description:
      'hls/master.m3u8, hls/<rendition>/index.m3u8, hls/<rendition>/seg_0000.ts, thumbnails/<i>.jpg, preview.jpg; under a channel id: branding/<banner|logo>-<random>.<png|jpg|webp>',
  })
  @ApiQuery({ name: 'exp', required: true })
  @ApiQuery({ name: 'sig', required: true })
  @ApiResponse({
    status: 200,
    description: 'The file: a playlist, a video segment or an image',
    content: {
      'application/vnd.apple.mpegurl': { schema: { type: 'string' } },
      'video/mp2t': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/webp': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems(403, 404)
  async file(
    @Param('assetId', ParseUUIDPipe) assetId: string,
    @Req() request: FastifyRequest,
    @Query('exp') exp: string,
    @Query('sig') sig: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The wildcard part, read from Fastify directly (an @Param('*') would be documented as a parameter named '*').
    const path = (request.params as Record<string, string>)['*'] ?? '';
    const file = await this.delivery.open(assetId, path, exp, sig);
    // Cacheable (by browsers and CDNs) until the signature expires, never longer.
    const maxAge = Math.max(0, file.expiresAt - Math.floor(Date.now() / 1000));
    void reply.header('content-type', file.contentType).header('cache-control', `private, max-age=${maxAge}`);
    if (file.kind === 'playlist') {
      await reply.send(file.body);
      return;
    }
    void reply.header('content-length', String(file.size));
    await reply.send(file.stream);
  }
}
