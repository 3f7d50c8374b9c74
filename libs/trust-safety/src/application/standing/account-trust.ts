import { Injectable } from '@nestjs/common';
import type { ScoredTrustLevel } from '../../domain/trust-scores/trust-score.js';
import { TrustScores } from '../trust-scores/trust-scores.js';

/** Trust levels from trust scores (a moderator's pin wins; docs/adr/0036). */
@Injectable()
export class AccountTrust {
  constructor(private readonly scores: TrustScores) {}

  levelOf(userId: string): Promise<ScoredTrustLevel> {
    return this.scores.levelOf(userId);
  }
}
