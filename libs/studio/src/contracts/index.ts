// Studio's public surface for other contexts: integration events and read ports.
export { ChannelCreatedV1 } from './events/channel-created.v1.js';
export {
  TranscodingFailedV1,
  TranscodingProgressedV1,
  VideoDeletedV1,
  VideoPublishedV1,
  VideoUnpublishedV1,
  VideoUpdatedV1,
} from './events/video-events.v1.js';
export { ChannelDirectory, type ChannelTeamRole, type ChannelVideo } from './channel-directory.js';
export {
  PublishedCatalog,
  type CreatorChannel,
  type PublicChannelBranding,
  type PublishedVideo,
} from './published-catalog.js';
export { OwnedChannels, type OwnedChannel } from './owned-channels.js';
