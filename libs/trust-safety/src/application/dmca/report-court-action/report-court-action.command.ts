/** The claimant went to court: reported by a moderator, or by the claimant with the notice's token. */
export class ReportCourtActionCommand {
  constructor(
    readonly noticeId: string,
    readonly reporter: { moderatorId: string } | { claimantToken: string },
    readonly details: string,
  ) {}
}
