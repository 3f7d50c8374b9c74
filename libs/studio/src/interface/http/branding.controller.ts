import { Body, Controller, Delete, Get, Param, ParseEnumPipe, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, CurrentUser, type Principal } from '@lib/platform';
import { ClearChannelBrandingCommand } from '../../application/commands/clear-channel-branding/clear-channel-branding.command.js';
import { RemoveBrandingImageCommand } from '../../application/commands/remove-branding-image/remove-branding-image.command.js';
import { SetChannelBrandingCommand } from '../../application/commands/set-channel-branding/set-channel-branding.command.js';
import { UploadBrandingImageCommand } from '../../application/commands/upload-branding-image/upload-branding-image.command.js';
import { GetChannelBrandingQuery } from '../../application/queries/get-channel-branding/get-channel-branding.query.js';
import { BRANDING_IMAGE_RULES, type BrandingImageKind } from '../../domain/channel/branding.js';
import { ChannelBrandingResponse, SetBrandingRequest } from './branding.dto.js';

const uuid = () => new ParseUUIDPipe();
const imageKind = () => new ParseEnumPipe({ banner: 'banner', logo: 'logo' });
const PLAN_NOTE =
  'Needs the channel owner’s plan to include `custom_branding` (Studio Pro), else 402 `billing.plan.upgrade-required` naming `cheapestPlan`.';
const rule = (kind: BrandingImageKind) => {
  const r = BRANDING_IMAGE_RULES[kind];
  return `${kind}: at most ${r.maxBytes / 1024} KiB, ${r.minWidth}×${r.minHeight} to ${r.maxWidth}×${r.maxHeight} px, width:height ${r.ratio[0]}–${r.ratio[1]}`;
};

@ApiTags('studio: channels and teams')
@ApiBearerAuth()
@Controller('v1/studio/channels/:channelId/branding')
export class BrandingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The channel’s branding as stored, and whether public pages show it (any member)',
  })
  @ApiOkResponse({ type: ChannelBrandingResponse })
  @ApiProblems(400, 401, 404)
  get(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.queries.execute(new GetChannelBrandingQuery(principal.userId, channelId));
  }

  @Put()
  @ApiOperation({
    summary: 'Set the accent colour and tagline, together (editor)',
    description: `Both are replaced: one left out or null is cleared. Images are kept (they have their own routes). ${PLAN_NOTE}`,
  })
  @ApiOkResponse({ type: ChannelBrandingResponse })
  @ApiProblems(400, 401, 402, 403, 404, 422)
  set(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Body() body: SetBrandingRequest,
  ) {
    return this.commands.execute(
      new SetChannelBrandingCommand(principal.userId, channelId, {
        accentColor: body.accentColor,
        tagline: body.tagline,
      }),
    );
  }

  @Delete()
  @ApiOperation({
    summary: 'Take all branding down, images included (editor; needs no plan, as any reduction)',
  })
  @ApiOkResponse({ type: ChannelBrandingResponse })
  @ApiProblems(400, 401, 403, 404)
  clear(@CurrentUser() principal: Principal, @Param('channelId', uuid()) channelId: string) {
    return this.commands.execute(new ClearChannelBrandingCommand(principal.userId, channelId));
  }

  @Put(':image')
  @ApiOperation({
    summary: 'Upload the banner or the logo: the image itself as the body (editor)',
    description: `PNG, JPEG or WebP, sent with its own Content-Type; the file's header must agree with it and ffprobe must read it as such (422 \`studio.branding.image-unsupported\`). ${rule('banner')}; ${rule('logo')} (422 \`studio.branding.image-too-large\` / \`studio.branding.image-dimensions\`). Metadata (EXIF with any GPS position, XMP, IPTC, comments, text chunks) is removed before storing, pixels untouched; what is stored counts against the owner’s \`storage_bytes\` (402 \`billing.quota.exceeded\` with \`liftedBy\` past it; a replaced or removed image gives its bytes back). Replaces the previous one. ${PLAN_NOTE}`,
  })
  @ApiParam({ name: 'image', enum: ['banner', 'logo'] })
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ChannelBrandingResponse })
  @ApiProblems(400, 401, 402, 403, 404, 413, 422)
  upload(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Param('image', imageKind()) image: BrandingImageKind,
    @Req() request: FastifyRequest,
  ) {
    // Only image/* bodies arrive as bytes (BrandingBodyParser); anything else is not an image.
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return this.commands.execute(
      new UploadBrandingImageCommand(principal.userId, channelId, image, bytes, request.headers['content-type']),
    );
  }

  @Delete(':image')
  @ApiOperation({ summary: 'Take the banner or the logo down (editor; needs no plan)' })
  @ApiParam({ name: 'image', enum: ['banner', 'logo'] })
  @ApiOkResponse({ type: ChannelBrandingResponse })
  @ApiProblems(400, 401, 403, 404)
  remove(
    @CurrentUser() principal: Principal,
    @Param('channelId', uuid()) channelId: string,
    @Param('image', imageKind()) image: BrandingImageKind,
  ) {
    return this.commands.execute(new RemoveBrandingImageCommand(principal.userId, channelId, image));
  }
}
