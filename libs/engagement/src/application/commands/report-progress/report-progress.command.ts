import { Command } from '@nestjs/cqrs';

export interface ProgressView {
  /** False when the person switched their history off: nothing was kept or announced. */
  recorded: boolean;
  videoId: string;
  entryId?: string;
  positionSeconds?: number;
  durationSeconds?: number | null;
  completed?: boolean;
}

/** A player's progress report (HTTP `PUT /v1/me/progress/:videoId` or the `progress:report` socket event). */
export class ReportProgressCommand extends Command<ProgressView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly positionSeconds: number,
    readonly creditsReached: boolean,
  ) {
    super();
  }
}
