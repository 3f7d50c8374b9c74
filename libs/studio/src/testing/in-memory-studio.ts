import { InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';
import { ChannelTeams } from '../application/channel-teams.js';
import { Publisher } from '../application/publishing/publisher.js';
import { VideoViews } from '../application/queries/videos/video.views.js';
import { ScreenedTexts } from '../application/screened-texts.js';
import { VideoEdits } from '../application/video-edits.js';
import { ScriptedContentScreening } from './scripted-content-screening.js';
import { VideoGate } from '../application/video-gate.js';
import { Channel } from '../domain/channel/channel.js';
import { Collection, ContentTemplate, Series } from '../domain/library/library.js';
import { Video } from '../domain/video/video.js';
import {
  InMemoryBillingApi,
  InMemoryChannelAccess,
  InMemoryMediaLibrary,
  InMemoryPublishingSchedule,
  InMemoryPublishQueue,
  RecordingRealtimeEmitter,
} from './in-memory-studio-ports.js';
import {
  InMemoryChannelRepository,
  InMemoryLibraryRepository,
  InMemoryPersistenceScope,
  InMemoryVideoRepository,
} from './in-memory-studio-repositories.js';

/**
 * Studio's application services on in-memory storage: real domain, gate, edits, views and publisher;
 * repositories, unit of work, media library, billing, queue and sockets in memory.
 */
export function inMemoryStudio(options: { publishQuota?: number } = {}) {
  const channels = new InMemoryChannelRepository();
  const videos = new InMemoryVideoRepository();
  const library = new InMemoryLibraryRepository(videos);
  const unitOfWork = new InMemoryUnitOfWork([
    channels.channels,
    videos.videos,
    library.series,
    library.collections,
    library.templates,
  ]);
  videos.outbox = unitOfWork.published;
  const persistence = new InMemoryPersistenceScope();
  const media = new InMemoryMediaLibrary();
  const billing = new InMemoryBillingApi(options.publishQuota);
  const realtime = new RecordingRealtimeEmitter();
  const access = new InMemoryChannelAccess(channels);
  const queue = new InMemoryPublishQueue();
  const schedule = new InMemoryPublishingSchedule(videos);
  const teams = new ChannelTeams(channels, billing);
  const gate = new VideoGate(videos, channels, library, billing);
  const edits = new VideoEdits(gate, library, unitOfWork, persistence);
  const views = new VideoViews(media);
  const screening = new ScriptedContentScreening();
  const texts = new ScreenedTexts(screening);
  const publisher = new Publisher(billing, unitOfWork, queue, channels, videos, schedule, persistence);

  /** Stores what a spec starts from, committed. */
  function given(...things: Array<Channel | Video | Series | Collection | ContentTemplate>): void {
    for (const thing of things) {
      if (thing instanceof Channel) channels.add(thing);
      else if (thing instanceof Video) videos.add(thing);
      else if (thing instanceof Series) library.addSeries(thing);
      else if (thing instanceof Collection) library.addCollection(thing);
      else library.addTemplate(thing);
    }
    unitOfWork.commit();
    unitOfWork.published.length = 0;
  }

  return {
    channels,
    videos,
    library,
    unitOfWork,
    persistence,
    media,
    billing,
    realtime,
    access,
    queue,
    schedule,
    teams,
    gate,
    edits,
    views,
    screening,
    texts,
    publisher,
    given,
  };
}

export type InMemoryStudio = ReturnType<typeof inMemoryStudio>;
