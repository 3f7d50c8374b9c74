import { serverEvent } from '@lib/platform';

// What identity pushes over Socket.IO; payloads are documented in interface/socket-events.ts.
export const PROFILE_UPDATED = serverEvent('profile.updated', 'the user’s own devices');
