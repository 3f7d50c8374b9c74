import type { DmcaNotice } from '../../domain/dmca/dmca-notice.js';

/** A notice as moderators see it (the claimant's token is never shown again). */
export function toDmcaNoticeView(notice: DmcaNotice) {
  return {
    id: notice.id,
    status: notice.status,
    videoId: notice.videoId,
    uploaderId: notice.uploaderId,
    notice: notice.notice,
    takedownDecisionId: notice.takedownDecisionId,
    counterNotice: notice.counterNotice,
    counterNoticedAt: notice.counterNoticedAt?.toISOString() ?? null,
    restoreAt: notice.restoreAt?.toISOString() ?? null,
    restoredAt: notice.restoredAt?.toISOString() ?? null,
    restoreDecisionId: notice.restoreDecisionId,
    courtAction: notice.courtAction,
    courtActionAt: notice.courtActionAt?.toISOString() ?? null,
    createdAt: notice.createdAt.toISOString(),
  };
}

export type DmcaNoticeView = ReturnType<typeof toDmcaNoticeView>;

/** Where the uploader counters a notice and the claimant reports a court action (relative to the API). */
export const counterNoticePath = (noticeId: string) => `/v1/dmca/notices/${noticeId}/counter-notice`;
export const claimantCourtActionPath = (noticeId: string) => `/v1/dmca/notices/${noticeId}/court-action`;
