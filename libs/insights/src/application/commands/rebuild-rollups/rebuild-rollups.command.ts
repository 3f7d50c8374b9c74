import { Command } from '@nestjs/cqrs';

/** Rebuilds the rollups of a range (`npm run cli -- insights:rebuild --from --to`). */
export class RebuildRollupsCommand extends Command<{ hours: number; days: number }> {
  constructor(
    readonly from: Date,
    readonly to: Date,
    readonly onProgress?: (done: number, total: number) => void,
  ) {
    super();
  }
}
