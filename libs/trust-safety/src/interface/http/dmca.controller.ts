import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, WriteBudget, type Principal } from '@lib/platform';
import { FileCounterNoticeCommand } from '../../application/dmca/file-counter-notice/file-counter-notice.command.js';
import { FileDmcaNoticeCommand } from '../../application/dmca/file-dmca-notice/file-dmca-notice.command.js';
import { ReportCourtActionCommand } from '../../application/dmca/report-court-action/report-court-action.command.js';
import {
  ClaimantCourtActionRequest,
  CounterNoticeRequest,
  DmcaNoticeReceiptResponse,
  DmcaNoticeRequest,
  DmcaNoticeResponse,
} from './dmca.dto.js';

@ApiTags('dmca')
@Controller('v1/dmca/notices')
export class DmcaController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  // Anyone may send a notice, and each takes a video down: a tight budget per address.
  @WriteBudget({ name: 'dmca-notices', perIp: 10, perUser: 10, windowSeconds: 3_600 })
  @ApiOperation({
    summary: 'Send a copyright takedown notice (DMCA) about a video on this platform',
    description:
      'Public: no account needed; 10 notices an hour per address. A notice missing any element 17 U.S.C. § 512(c)(3) ' +
      'requires is 422 `trust-safety.dmca.notice-incomplete` naming each one in `missing` (`copyrightedWork`, ' +
      '`infringingMaterial`, `location`, `contact.name`, `contact.email`, `contact.address`, `goodFaithStatement`, ' +
      '`accuracyStatement`, `signature`) and `invalid`; a location naming no video here is 422 ' +
      '`trust-safety.dmca.material-not-found`. A valid notice takes the video down at once and tells the uploader. ' +
      'The answer carries a one-time `claimantToken` for reporting a court action.',
  })
  @ApiCreatedResponse({ type: DmcaNoticeReceiptResponse })
  @ApiProblems(400, 422, 429)
  file(@Body() body: DmcaNoticeRequest) {
    return this.commands.execute(new FileDmcaNoticeCommand(body));
  }

  @Post(':id/counter-notice')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Counter a takedown notice on your video',
    description:
      'Only the uploader (403 `trust-safety.dmca.not-uploader`). Missing elements of 17 U.S.C. § 512(g)(3) are 422 ' +
      '`trust-safety.dmca.counter-notice-incomplete` naming each in `missing`; a second counter-notice, or one after a ' +
      'court action, is 409 `trust-safety.dmca.step-not-allowed`. The material is restored 10 business days later ' +
      '(weekends, US federal holidays and `DMCA_HOLIDAYS` not counted) unless the claimant reports a court action; the claimant is ' +
      'sent a copy of the counter-notice by e-mail.',
  })
  @ApiOkResponse({ type: DmcaNoticeResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422, 429)
  counter(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) noticeId: string,
    @Body() body: CounterNoticeRequest,
  ) {
    return this.commands.execute(new FileCounterNoticeCommand(principal.userId, noticeId.toLowerCase(), body));
  }

  @Post(':id/court-action')
  @HttpCode(200)
  @Public()
  @WriteBudget({ name: 'dmca-court-actions', perIp: 20, perUser: 20, windowSeconds: 3_600 })
  @ApiOperation({
    summary: 'The claimant reports a court action, which keeps the material down',
    description:
      "Public, with the notice's `claimantToken` (403 `trust-safety.dmca.claimant-token-invalid` otherwise). After the " +
      'material was restored: 409 `trust-safety.dmca.step-not-allowed`.',
  })
  @ApiOkResponse({ type: DmcaNoticeResponse })
  @ApiProblems(400, 403, 404, 409, 429)
  courtAction(@Param('id', ParseUUIDPipe) noticeId: string, @Body() body: ClaimantCourtActionRequest) {
    return this.commands.execute(
      new ReportCourtActionCommand(noticeId.toLowerCase(), { claimantToken: body.token }, body.details),
    );
  }
}
