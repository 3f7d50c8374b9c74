import type { DmcaStatus } from '../../../domain/dmca/dmca-notice.js';

export class ListDmcaNoticesQuery {
  constructor(
    readonly filter: { status?: DmcaStatus; uploaderId?: string; videoId?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {}
}
