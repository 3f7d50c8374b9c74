import type { DmcaNoticeInput } from '../../../domain/dmca/dmca-notice.js';

/** A takedown notice from anyone (no account needed). */
export class FileDmcaNoticeCommand {
  constructor(readonly input: DmcaNoticeInput) {}
}
