export const PUBLISH_QUEUE = 'studio.publish-scheduled';

/** `videoId` set: publish that video if due. Absent: the sweep (anything overdue). */
export interface PublishJob {
  videoId?: string;
}

/** Port: schedules a video's publication; implemented on Bull in infrastructure/queues. */
export abstract class PublishQueue {
  /** One job per (video, time): re-adding after a restart or a reconcile collapses into the same job. */
  abstract schedule(videoId: string, at: Date): Promise<void>;
}
