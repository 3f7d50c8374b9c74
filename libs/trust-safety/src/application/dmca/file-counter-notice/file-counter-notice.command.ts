import type { CounterNoticeInput } from '../../../domain/dmca/dmca-notice.js';

export class FileCounterNoticeCommand {
  constructor(
    readonly userId: string,
    readonly noticeId: string,
    readonly input: CounterNoticeInput,
  ) {}
}
