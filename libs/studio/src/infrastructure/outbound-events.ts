import { OutboundEventMap } from '@lib/platform';
import {
  ChannelCreatedV1,
  TranscodingFailedV1,
  TranscodingProgressedV1,
  VideoDeletedV1,
  VideoPublishedV1,
  VideoUnpublishedV1,
  VideoUpdatedV1,
} from '../contracts/index.js';
import { ChannelCreated } from '../domain/channel/channel.events.js';
import { Video } from '../domain/video/video.js';
import {
  VideoDeleted,
  VideoProcessingFailed,
  VideoProcessingProgressed,
  VideoPublished,
  VideoUnpublished,
  VideoUpdated,
} from '../domain/video/video.events.js';

/** Which studio facts leave the context, and in what shape. */
export const studioOutboundEvents = new OutboundEventMap()
  .on(
    ChannelCreated,
    (event) =>
      new ChannelCreatedV1({
        channelId: event.aggregateId,
        ownerId: event.ownerId,
        name: event.name,
        createdAt: event.occurredAt.toISOString(),
      }),
  )
  .on(VideoPublished, (event, aggregate) => {
    const video = aggregate as Video;
    return new VideoPublishedV1({
      videoId: video.id,
      channelId: video.channelId,
      creatorId: event.creatorId,
      title: video.title,
      accessLevel: video.accessLevel,
      earlyAccessDays: video.earlyAccessDays,
      seriesId: video.seriesId,
      durationSeconds: video.durationSeconds,
      language: video.language,
      category: video.category,
      tags: video.tags,
      description: video.description,
      publishedAt: (video.publishedAt ?? event.occurredAt).toISOString(),
    });
  })
  .on(
    VideoUnpublished,
    (event) =>
      new VideoUnpublishedV1({
        videoId: event.aggregateId,
        channelId: event.channelId,
        unpublishedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    VideoUpdated,
    (event, aggregate) =>
      new VideoUpdatedV1({
        videoId: event.aggregateId,
        channelId: event.channelId,
        changedFields: event.changedFields,
        state: (aggregate as Video).state,
        updatedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    VideoDeleted,
    (event) =>
      new VideoDeletedV1({
        videoId: event.aggregateId,
        channelId: event.channelId,
        deletedAt: event.occurredAt.toISOString(),
      }),
  )
  .on(
    VideoProcessingProgressed,
    (event) =>
      new TranscodingProgressedV1({
        videoId: event.aggregateId,
        channelId: event.channelId,
        assetId: event.assetId,
        step: event.step,
        percent: event.percent,
        at: event.occurredAt.toISOString(),
      }),
  )
  .on(
    VideoProcessingFailed,
    (event) =>
      new TranscodingFailedV1({
        videoId: event.aggregateId,
        channelId: event.channelId,
        assetId: event.assetId,
        step: event.failure.step,
        code: event.failure.code,
        message: event.failure.message,
        failedAt: event.occurredAt.toISOString(),
      }),
  );
