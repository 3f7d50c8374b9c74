import { Injectable } from '@nestjs/common';
import { SpamScorer, type SpamScore } from '../../application/spam/spam-scorer.js';

/** Until a model is trained, the spam signal is absent. */
@Injectable()
export class NoSpamModel extends SpamScorer {
  score(): SpamScore | null {
    return null;
  }
}
