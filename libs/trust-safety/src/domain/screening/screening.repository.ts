import type { Screening } from './screening.js';

export abstract class ScreeningRepository {
  /** Records a held, hidden or flagged text in the caller's transaction (it stands or falls with the content). */
  abstract recordWithContent(screening: Screening): Promise<void>;
  /** Records a refusal on its own: the caller's transaction rolls back, the record must not. */
  abstract recordRefusal(screening: Screening): Promise<void>;
}
