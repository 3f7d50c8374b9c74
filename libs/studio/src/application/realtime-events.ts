import { serverEvent } from '@lib/platform';

// What studio pushes over Socket.IO; payloads are documented in interface/socket-events.ts.
export const VIDEO_PROCESSING = serverEvent(
  'studio:video-processing',
  'the devices of every member of the video’s channel',
);
export const CHANNEL_INVITATION = serverEvent('studio:invitation', 'the invited user’s devices');
