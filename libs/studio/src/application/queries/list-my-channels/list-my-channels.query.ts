import { Query } from '@nestjs/cqrs';
import type { TeamRole } from '../../../domain/channel/team-role.js';

export interface MyChannelView {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  role: TeamRole;
  /** `invited`: an invitation waiting for an answer. */
  status: 'invited' | 'active';
}

/** Channels the caller belongs to or is invited to. */
export class ListMyChannelsQuery extends Query<{ items: MyChannelView[] }> {
  constructor(readonly userId: string) {
    super();
  }
}
