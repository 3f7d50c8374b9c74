import { serverEvent } from '@lib/platform';

// What insights pushes over Socket.IO; payloads are documented in interface/socket-events.ts.
export const EXPORT_READY = serverEvent('insights:export-ready', 'the devices of the user who asked for the export');
export const EXPORT_FAILED = serverEvent('insights:export-failed', 'the devices of the user who asked for the export');
export const LIVE_COUNTERS = serverEvent('insights:live', 'sockets subscribed to the dashboard (`insights:subscribe`)');
