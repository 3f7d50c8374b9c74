export class GetDmcaNoticeQuery {
  constructor(readonly noticeId: string) {}
}
