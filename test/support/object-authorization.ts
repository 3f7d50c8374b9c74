import type { ApiOperation } from './api-sweep.js';

/**
 * The object-authorization (BOLA) table of issue 17: which id-taking routes only the object's owner may
 * call, and with which of the owner's fixtures. The deterministic sweep
 * (test/e2e/hardening/object-authorization.e2e-spec.ts) checks it against the document; the HTTP
 * fuzzer reads it to know where another person's request must never succeed.
 */

/** A's resources, by the fixture names the table below uses. */
export interface Fixtures {
  ownerId: string;
  channelId: string;
  uploadId: string;
  videoId: string;
  seriesId: string;
  collectionId: string;
  templateId: string;
  conversationId: string;
  messageId: string;
  memberId: string;
  notificationId: string;
  playlistId: string;
  engagementVideoId: string;
  commentId: string;
  postId: string;
  historyEntryId: string;
  apiKeyId: string;
  invoiceId: string;
  exportId: string;
  giftId: string;
  dmcaNoticeId: string;
}

/** How B's request on an id-taking route is built from A's fixtures, or why the route is not B's to try. */
export type Entry = { ids: Record<string, keyof Fixtures | 'language'> } | { exempt: string };

const OWN_RELATION = 'the id names a public object; the caller acts on their own relation to it';
const PUBLIC_LISTING = 'a listing anyone signed in may read (public content, filtered by blocks)';

/**
 * Every id-taking route that is neither public nor role-gated. A new one fails the coverage test until
 * it gets an entry: fixture ids to try as another person, or the reason it names no one's object.
 */
export const TABLE: Record<string, Entry> = {
  'DELETE /v1/me/api-keys/{id}': { ids: { id: 'apiKeyId' } },
  'GET /v1/billing/invoices/{id}': { ids: { id: 'invoiceId' } },
  'POST /v1/creators/{userId}/follow': { exempt: OWN_RELATION },
  'DELETE /v1/creators/{userId}/follow': { exempt: OWN_RELATION },
  'GET /v1/users/{userId}/followers': { exempt: PUBLIC_LISTING },
  'GET /v1/users/{userId}/following': { exempt: PUBLIC_LISTING },
  'POST /v1/users/{userId}/block': { exempt: OWN_RELATION },
  'DELETE /v1/users/{userId}/block': { exempt: OWN_RELATION },
  'POST /v1/users/{userId}/mute': { exempt: OWN_RELATION },
  'DELETE /v1/users/{userId}/mute': { exempt: OWN_RELATION },
  'POST /v1/notifications/{id}/read': { ids: { id: 'notificationId' } },
  'GET /v1/conversations/{id}': { ids: { id: 'conversationId' } },
  'PATCH /v1/conversations/{id}': { ids: { id: 'conversationId' } },
  'GET /v1/conversations/{id}/messages': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/messages': { ids: { id: 'conversationId' } },
  'POST /v1/users/{userId}/messages': { exempt: 'starts or continues the caller’s own conversation with that person' },
  'PATCH /v1/conversations/{id}/messages/{messageId}': { ids: { id: 'conversationId', messageId: 'messageId' } },
  'DELETE /v1/conversations/{id}/messages/{messageId}': { ids: { id: 'conversationId', messageId: 'messageId' } },
  'GET /v1/conversations/{id}/messages/{messageId}/edits': { ids: { id: 'conversationId', messageId: 'messageId' } },
  'POST /v1/conversations/{id}/read': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/members': { ids: { id: 'conversationId' } },
  'DELETE /v1/conversations/{id}/members/{userId}': { ids: { id: 'conversationId', userId: 'memberId' } },
  'PUT /v1/conversations/{id}/members/{userId}/role': { ids: { id: 'conversationId', userId: 'memberId' } },
  'POST /v1/conversations/{id}/leave': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/accept': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/decline': { ids: { id: 'conversationId' } },
  'PUT /v1/videos/{videoId}/like': { exempt: OWN_RELATION },
  'DELETE /v1/videos/{videoId}/like': { exempt: OWN_RELATION },
  'PUT /v1/videos/{videoId}/rating': { exempt: OWN_RELATION },
  'DELETE /v1/videos/{videoId}/rating': { exempt: OWN_RELATION },
  'GET /v1/videos/{videoId}/rating': { exempt: OWN_RELATION },
  'PUT /v1/me/progress/{videoId}': { exempt: OWN_RELATION },
  'PUT /v1/recommendations/feedback/{videoId}': { exempt: OWN_RELATION },
  'DELETE /v1/recommendations/feedback/{videoId}': { exempt: OWN_RELATION },
  'DELETE /v1/me/history/{entryId}': { ids: { entryId: 'historyEntryId' } },
  'GET /v1/playlists/{id}': { ids: { id: 'playlistId' } },
  'PATCH /v1/playlists/{id}': { ids: { id: 'playlistId' } },
  'DELETE /v1/playlists/{id}': { ids: { id: 'playlistId' } },
  'PUT /v1/playlists/{id}/items/{videoId}': { ids: { id: 'playlistId', videoId: 'engagementVideoId' } },
  'DELETE /v1/playlists/{id}/items/{videoId}': { ids: { id: 'playlistId', videoId: 'engagementVideoId' } },
  'PATCH /v1/playlists/{id}/items': { ids: { id: 'playlistId' } },
  'GET /v1/videos/{id}/comments': { exempt: PUBLIC_LISTING },
  'POST /v1/videos/{id}/comments': { exempt: OWN_RELATION },
  'POST /v1/comments/{id}/replies': { exempt: OWN_RELATION },
  'GET /v1/comments/{id}/replies': { exempt: PUBLIC_LISTING },
  'PATCH /v1/comments/{id}': { ids: { id: 'commentId' } },
  'DELETE /v1/comments/{id}': { ids: { id: 'commentId' } },
  'GET /v1/comments/{id}/history': { exempt: 'a published comment’s edit history is public with the comment' },
  'POST /v1/comments/{id}/approve': { ids: { id: 'commentId' } },
  'PUT /v1/videos/{id}/pinned-comment': { ids: { id: 'engagementVideoId' } },
  'DELETE /v1/videos/{id}/pinned-comment': { ids: { id: 'engagementVideoId' } },
  'PUT /v1/videos/{id}/comment-settings': { ids: { id: 'engagementVideoId' } },
  'GET /v1/hashtags/{tag}/comments': { exempt: PUBLIC_LISTING },
  'DELETE /v1/me/posts/{id}': { ids: { id: 'postId' } },
  'GET /v1/creators/{id}/posts': { exempt: PUBLIC_LISTING },
  'PUT /v1/comments/{id}/like': { exempt: OWN_RELATION },
  'DELETE /v1/comments/{id}/like': { exempt: OWN_RELATION },
  'GET /v1/studio/channels/{channelId}': { ids: { channelId: 'channelId' } },
  'PATCH /v1/studio/channels/{channelId}': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/members': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/channels/{channelId}/invitations': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/invitation/accept': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/invitation/decline': { ids: { channelId: 'channelId' } },
  'PATCH /v1/studio/channels/{channelId}/members/{userId}': { ids: { channelId: 'channelId', userId: 'ownerId' } },
  'DELETE /v1/studio/channels/{channelId}/members/{userId}': { ids: { channelId: 'channelId', userId: 'ownerId' } },
  'POST /v1/studio/channels/{channelId}/ownership': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/branding': { ids: { channelId: 'channelId' } },
  'PUT /v1/studio/channels/{channelId}/branding': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/channels/{channelId}/branding': { ids: { channelId: 'channelId' } },
  'PUT /v1/studio/channels/{channelId}/branding/{image}': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/channels/{channelId}/branding/{image}': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/videos': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/library': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/videos/{videoId}': { ids: { videoId: 'videoId' } },
  'PATCH /v1/studio/videos/{videoId}': { ids: { videoId: 'videoId' } },
  'DELETE /v1/studio/videos/{videoId}': { ids: { videoId: 'videoId' } },
  'POST /v1/studio/videos/{videoId}/retry': { ids: { videoId: 'videoId' } },
  'POST /v1/studio/videos/{videoId}/publish': { ids: { videoId: 'videoId' } },
  'POST /v1/studio/videos/{videoId}/unpublish': { ids: { videoId: 'videoId' } },
  'PUT /v1/studio/videos/{videoId}/captions/{language}': { ids: { videoId: 'videoId', language: 'language' } },
  'DELETE /v1/studio/videos/{videoId}/captions/{language}': { ids: { videoId: 'videoId', language: 'language' } },
  'POST /v1/studio/channels/{channelId}/series': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/series': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/series/{seriesId}': { ids: { seriesId: 'seriesId' } },
  'POST /v1/studio/channels/{channelId}/collections': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/collections': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/collections/{collectionId}': { ids: { collectionId: 'collectionId' } },
  'POST /v1/studio/channels/{channelId}/templates': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/templates': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/templates/{templateId}': { ids: { templateId: 'templateId' } },
  'GET /v1/catalog/videos/{videoId}/playback': {
    exempt: 'plays a published video for any viewer its access level admits (entitlements, not ownership)',
  },
  'HEAD /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'GET /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'PATCH /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'DELETE /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'POST /v1/dmca/notices/{id}/counter-notice': { ids: { id: 'dmcaNoticeId' } },
  'GET /v1/insights/channels/{id}/overview': { ids: { id: 'channelId' } },
  'GET /v1/insights/videos/{id}': { ids: { id: 'videoId' } },
  'PUT /v1/insights/channels/{id}/weekly-report': { ids: { id: 'channelId' } },
  'GET /v1/insights/exports/{id}': { ids: { id: 'exportId' } },
  'POST /v1/gifts/{id}/refund': { ids: { id: 'giftId' } },
  'POST /v1/gifts/{code}/redeem': {
    exempt: 'the code is the bearer credential: whoever holds it may redeem it (gifts e2e: twice, expired, the buyer)',
  },
};

/** Routes BOLA is about: a path id, and an access rule that lets any signed-in person call them. */
export const idTaking = (operations: ApiOperation[]) =>
  operations.filter(({ pathParams, access }) => pathParams.length && access.audience === 'authenticated');

/** Routes only the owner of the objects they name may call: an entry with ids (not exempt) in `TABLE`. */
export const ownerOnly = (operation: Pick<ApiOperation, 'method' | 'path'>): boolean => {
  const entry = TABLE[`${operation.method} ${operation.path}`];
  return entry !== undefined && 'ids' in entry;
};
