// Test support for studio: builders of channels and videos, in-memory repositories. Imported by tests only.
export { aChannel, ChannelBuilder } from './channel.builder.js';
export { A_PROCESSING_FAILURE, aVideo, VideoBuilder } from './video.builder.js';
export {
  InMemoryChannelRepository,
  InMemoryLibraryRepository,
  InMemoryPersistenceScope,
  InMemoryVideoRepository,
} from './in-memory-studio-repositories.js';
export {
  InMemoryBillingApi,
  InMemoryChannelAccess,
  InMemoryMediaLibrary,
  InMemoryPublishingSchedule,
  InMemoryPublishQueue,
  RecordingRealtimeEmitter,
} from './in-memory-studio-ports.js';
export { inMemoryStudio, type InMemoryStudio } from './in-memory-studio.js';
export { ScriptedContentScreening } from './scripted-content-screening.js';
export { aJpeg, aPng, GPS_LATITUDE, withJpegGps, withPngGps } from './images.js';
