import { EntitySchema } from '@mikro-orm/postgresql';
import { Channel } from '../../domain/channel/channel.js';
import { StudioPerson } from '../../domain/people/person.js';

/** Mappings of the studio schema's channel side; the domain classes carry no ORM decorators. */
const schema = 'studio';

export const StudioPersonSchema = new EntitySchema<StudioPerson>({
  class: StudioPerson as unknown as new () => StudioPerson,
  schema,
  tableName: 'people',
  indexes: [
    { name: 'people_handle_idx', properties: ['handle'] },
    { name: 'people_email_idx', properties: ['email'] },
  ],
  properties: {
    userId: { type: 'uuid', primary: true },
    handle: { type: 'text' },
    displayName: { type: 'text' },
    email: { type: 'text', nullable: true },
  },
});

export const ChannelSchema = new EntitySchema<Channel>({
  class: Channel as unknown as new () => Channel,
  schema,
  tableName: 'channels',
  indexes: [
    { name: 'channels_owner_idx', properties: ['ownerId'] },
    // "Which channels am I on": jsonb containment on the team.
    {
      name: 'channels_members_idx',
      expression: 'create index channels_members_idx on studio.channels using gin (members jsonb_path_ops)',
    },
    // "Which channels wait for this address": when someone registers.
    {
      name: 'channels_email_invitations_idx',
      expression:
        'create index channels_email_invitations_idx on studio.channels using gin (email_invitations jsonb_path_ops)',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    description: { type: 'text' },
    ownerId: { type: 'uuid' },
    members: { type: 'json' },
    emailInvitations: { type: 'json' },
    branding: { type: 'json', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});
