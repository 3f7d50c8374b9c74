import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, ApiProblems, CurrentUser, Public, type Principal } from '@lib/platform';
import { GetPublicProfileQuery } from '../../application/queries/get-public-profile/get-public-profile.query.js';
import { PublicProfileResponse } from './users.dto.js';

@ApiTags('people')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly queries: QueryBus) {}

  // Public like people search: what it shows is what a handle search already shows, plus counts and channels.
  @Public()
  @Get(':id')
  @ApiKeyScope('search:read')
  @ApiOperation({
    summary: 'A person’s public profile: handle, name, avatar, bio, follow counts and the channels they own',
    description:
      'Anyone may read it; a signed-in caller who blocked the person, or whom the person blocked, gets the same 404 ' +
      '`identity.user.not-found` as for an unknown id. API keys need `search:read`.',
  })
  @ApiOkResponse({ type: PublicProfileResponse })
  @ApiProblems(400, 402, 403, 404)
  profile(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() principal?: Principal) {
    return this.queries.execute(new GetPublicProfileQuery(id, principal?.userId));
  }
}
