import { Migration } from '@mikro-orm/migrations';

/**
 * Search (ADR 0068): the window of a bounded query is read in the order its index definition declares
 * (`windowOrder`, e.g. the newest first), not in id order, which kept the oldest matches of a common word.
 * Documents written before this, or under a definition without `windowOrder`, have no key: id order, as before.
 */
export class Migration20261206000100_platform_search_window_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table search.documents add column window_key double precision;`);
    this.addSql(
      `comment on column search.documents.window_key is 'the definition''s windowOrder field as a number, negated for desc: the window reads in ascending order';`,
    );
    // Walked in order by a band's read of a common word (stopping at the window); a rare word uses the GIN indexes.
    this.addSql(`create index documents_window_idx on search.documents (index_name, window_key, id);`);
    // Dates as epoch seconds, numbers as they are; the write checks types first (search.document_problem).
    this.addSql(`
      create function search.document_window_key(window_order jsonb, body jsonb) returns double precision
      language sql stable parallel safe as $$
        select case jsonb_typeof(o.value)
                 when 'number' then (o.value #>> '{}')::double precision
                 when 'string' then extract(epoch from (o.value #>> '{}')::timestamptz)::double precision
               end * case when window_order ->> 'order' = 'desc' then -1 else 1 end
        from (select body -> (window_order ->> 'field') as value) o
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists search.document_window_key(jsonb, jsonb);`);
    this.addSql(`drop index if exists search.documents_window_idx;`);
    this.addSql(`alter table search.documents drop column window_key;`);
  }
}
