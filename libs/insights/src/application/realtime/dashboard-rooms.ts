/** The Socket.IO room a dashboard joins to get a scope's live counters. */
export const dashboardRoom = (scope: 'video' | 'channel' | 'platform', id: string) => `insights:${scope}:${id}`;
