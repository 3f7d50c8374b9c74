import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, SearchIndex, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { UserProfileChangedV1, UserRegisteredV1, UserRolesChangedV1 } from '../../contracts/index.js';
import { UserRepository } from '../../domain/user/user.repository.js';
import { PEOPLE_INDEX, personDocument } from '../people-index.js';

type UserChange = UserRegisteredV1 | UserProfileChangedV1 | UserRolesChangedV1;

/**
 * Keeps the `people` index in step with accounts. It indexes the user's current state under the
 * aggregate's version, so late or repeated events are harmless: the index keeps the newest version.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'identity.project-people',
  on: [UserRegisteredV1, UserProfileChangedV1, UserRolesChangedV1],
  concurrency: 4,
})
export class ProjectPersonOnUserChange implements EventConsumer<UserChange> {
  constructor(
    private readonly users: UserRepository,
    private readonly search: SearchIndex,
  ) {}

  async handle({ event }: ConsumerContext<UserChange>): Promise<void> {
    const user = await this.users.findById(event.userId);
    if (!user) return;
    const result = await this.search.upsert(PEOPLE_INDEX.name, [personDocument(user)]);
    // A failed write throws so the job is retried (and the inbox entry rolls back with it).
    if (result.failed.length) throw new Error(`people index refused ${user.id}: ${result.failed[0].reason}`);
  }
}
