import { Injectable } from '@nestjs/common';
import { RedisConnections } from '@lib/platform';
import { RepetitionCounter } from '../../domain/screening/repetition-counter.js';

/** A counter per (author, text fingerprint) that lives for the window from the first posting. */
@Injectable()
export class RedisRepetitionCounter extends RepetitionCounter {
  constructor(private readonly redis: RedisConnections) {
    super();
  }

  async seen(
    authorId: string,
    fingerprint: string,
    windowSeconds: number,
    options: { count: boolean },
  ): Promise<number> {
    const key = this.redis.key('trust-safety', 'repeats', authorId, fingerprint);
    const client = this.redis.commands();
    if (!options.count) return Number((await client.get(key)) ?? 0) + 1;
    const [[, seen]] = (await client.multi().incr(key).expire(key, windowSeconds, 'NX').exec()) as [[unknown, number]];
    return seen;
  }
}
