import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { RecommendationSignals, type SignalChange } from '../../application/recommendations/recommendation-ports.js';

/** `engagement.rec_signals`: every write stamps `tx`, which the neighbour job's cursor follows. */
@Injectable()
export class SqlRecommendationSignals extends RecommendationSignals {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async apply(change: SignalChange): Promise<{ before: number; after: number }> {
    if (change.op === 'withdraw') {
      await this.em.execute(
        `delete from engagement.rec_signals where person_id = ? and video_id = ? and kind = ? and source_key = ?`,
        [change.personId, change.videoId, change.kind, change.sourceKey ?? ''],
      );
      return { before: 0, after: 0 };
    }
    const { signal, eventId } = change;
    const sourceKey = change.op === 'set' ? (change.sourceKey ?? '') : '';
    const onConflict = {
      set: `do update set value = excluded.value, event_id = excluded.event_id, occurred_at = excluded.occurred_at, tx = pg_current_xact_id()`,
      add: `do update set value = rec_signals.value + excluded.value, event_id = excluded.event_id,
              occurred_at = greatest(rec_signals.occurred_at, excluded.occurred_at), tx = pg_current_xact_id()`,
      once: `do nothing`,
    }[change.op];
    const rows = await this.em.execute<Array<{ after: number }>>(
      `insert into engagement.rec_signals (person_id, video_id, kind, source_key, value, event_id, occurred_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (person_id, video_id, kind, source_key) ${onConflict}
       returning value as after`,
      [signal.personId, signal.videoId, signal.kind, sourceKey, signal.value, eventId, signal.at],
    );
    const after = rows[0] ? Number(rows[0].after) : signal.value;
    return { before: change.op === 'add' ? after - signal.value : 0, after };
  }

  async withdrawComment(commentId: string): Promise<{ personId: string } | null> {
    const rows = await this.em.execute<Array<{ person_id: string }>>(
      `delete from engagement.rec_signals where kind = 'comment' and source_key = ? returning person_id`,
      [commentId],
    );
    return rows[0] ? { personId: rows[0].person_id } : null;
  }

  async abandonedBefore(query: { personId: string; videoId: string; since: Date; maxSeconds: number }) {
    const rows = await this.em.execute<Array<{ video_id: string }>>(
      `with last as (
         select video_id, value from engagement.rec_signals
         where person_id = ? and kind = 'watch_time' and video_id <> ? and occurred_at >= ?
         order by occurred_at desc limit 1)
       select last.video_id from last
       where last.value < ? and not exists (
         select 1 from engagement.rec_signals s where s.person_id = ? and s.video_id = last.video_id
           and s.kind in ('completion', 'like', 'save', 'skip'))`,
      [query.personId, query.videoId, query.since, query.maxSeconds, query.personId],
    );
    return rows[0]?.video_id ?? null;
  }
}
