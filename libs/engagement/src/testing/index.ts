// Test support for engagement: builders of conversations and the social graph, in-memory storage. Imported by tests only.
export {
  aDirectConversation,
  aGroup,
  ConversationBuilder,
  type ConversationWithMembers,
} from './conversation.builder.js';
export { aBlock, aFollow, aMute, FollowBuilder } from './social-graph.builder.js';
export {
  InMemoryFollowRepository,
  InMemoryMessagingSettingsRepository,
  InMemoryRestrictionRepository,
} from './in-memory-engagement-repositories.js';
export { inMemoryMessagingPolicy } from './messaging-policy.in-memory.js';
export { InMemoryPlaylistRepository, InMemoryWatchableVideoRepository } from './in-memory-interaction-repositories.js';
export {
  FixedCommenterStandings,
  InMemoryChannelDirectory,
  InMemoryCommentableVideos,
  InMemoryCommentRepository,
  InMemoryCommentSettings,
  InMemoryMentionDirectory,
  inMemoryComments,
  RecordingCommentAnnouncer,
  ScriptedContentScreening,
} from './comments.in-memory.js';
