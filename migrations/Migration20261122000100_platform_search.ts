import { Migration } from '@mikro-orm/migrations';

/** A tsquery operand for a lexeme: URL and file tokens may hold quotes and backslashes. */
const quotedLexeme = (expression: string) =>
  String.raw`'''' || replace(replace(${expression}, '\', '\\'), '''', '''''') || ''''`;

/**
 * Storage of the PostgreSQL search adapter (libs/platform/src/search/postgres): every physical index
 * version shares one documents table; an alias names the live version of each logical index.
 */
export class Migration20261122000100_platform_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists search;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create extension if not exists fuzzystrmatch;`);

    // One row per physical version (`showrunner-people-v2`), with the definition it was built from.
    this.addSql(`
      create table search.indices (
        physical_name text collate "C" primary key,
        alias text collate "C" not null,
        version integer not null,
        definition jsonb not null,
        created_at timestamptz not null default now(),
        unique (alias, version)
      );`);
    this.addSql(`
      create table search.aliases (
        alias text collate "C" primary key,
        physical_name text collate "C" not null references search.indices (physical_name),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table search.documents (
        index_name text collate "C" not null,
        id text collate "C" not null,
        version bigint not null,
        body jsonb,
        vector tsvector,
        suggest tsvector,
        keys jsonb,
        updated_at timestamptz not null default now(),
        primary key (index_name, id)
      );`);
    this.addSql(
      `comment on column search.documents.body is 'null: a tombstone keeping the version of a deleted document';`,
    );
    this.addSql(
      `comment on column search.documents.vector is 'every text field, weighted A-D by the field weight 4-1';`,
    );
    this.addSql(
      `comment on column search.documents.suggest is 'the autocomplete text fields only, for prefix queries';`,
    );
    this.addSql(
      `comment on column search.documents.keys is 'filterable and facet values, each as an array: {"role": ["creator"]}';`,
    );
    this.addSql(`create index documents_vector_idx on search.documents using gin (vector);`);
    this.addSql(`create index documents_suggest_idx on search.documents using gin (suggest);`);
    this.addSql(`create index documents_keys_idx on search.documents using gin (keys jsonb_path_ops);`);
    // Every word ever indexed per version: typo-tolerant search looks words up here, by trigrams.
    this.addSql(`
      create table search.words (
        index_name text collate "C" not null,
        word text collate "C" not null,
        primary key (index_name, word)
      );`);
    this.addSql(`create index words_trigram_idx on search.words using gin (word gin_trgm_ops);`);

    // The derived columns are computed from the target version's stored definition inside the write
    // statement, so a write through an alias can never pair a body with another version's definition.
    this.addSql(
      `create aggregate search.tsvector_agg(tsvector) (sfunc = tsvector_concat, stype = tsvector, initcond = '');`,
    );
    this.addSql(`
      create function search.document_vector(fields jsonb, body jsonb, autocomplete_only boolean) returns tsvector
      language sql immutable parallel safe as $$
        select search.tsvector_agg(setweight(
                 jsonb_to_tsvector('simple', body -> f.key, '["string"]'),
                 (array['D', 'C', 'B', 'A'])[coalesce((f.value ->> 'weight')::int, 1)]::"char"))
        from jsonb_each(fields) f
        where f.value ->> 'type' = 'text'
          and (not autocomplete_only or coalesce((f.value ->> 'autocomplete')::boolean, false))
      $$;`);
    // Keyword values are kept as strings, as Elasticsearch indexes a keyword; one entry per distinct value.
    this.addSql(`
      create function search.document_keys(fields jsonb, body jsonb) returns jsonb
      language sql immutable parallel safe as $$
        select coalesce(jsonb_object_agg(k.key, k.keys), '{}')
        from (
          select f.key, jsonb_agg(distinct case when f.value ->> 'type' in ('keyword', 'text') then to_jsonb(v #>> '{}') else v end) as keys
          from jsonb_each(fields) f, jsonb_path_query(body -> f.key, 'lax $[*] ? (@ != null)') v
          where coalesce((f.value ->> 'filterable')::boolean, false) or coalesce((f.value ->> 'facet')::boolean, false)
          group by f.key
        ) k
      $$;`);
    // Rejects what would break a cast at query time (sort and range filters cast body values).
    this.addSql(`
      create function search.document_problem(fields jsonb, body jsonb) returns text
      language sql stable parallel safe as $$
        select case when jsonb_typeof(body) is distinct from 'object' then 'the document body is not a JSON object' else (
          select string_agg(distinct format('%s must be %s', f.key, f.value ->> 'type'), '; ')
          from jsonb_each(fields) f, lateral (select body -> f.key as value) field
          where jsonb_typeof(field.value) <> 'null'
            and not case f.value ->> 'type'
              when 'text' then jsonb_path_exists(field.value, 'lax $[*] ? (@.type() != "string" && @ != null)') is false
              when 'keyword' then jsonb_path_exists(field.value, 'lax $[*] ? (@.type() != "string" && @.type() != "number" && @.type() != "boolean" && @ != null)') is false
              when 'integer' then jsonb_typeof(field.value) = 'number' and (field.value #>> '{}')::numeric % 1 = 0
              when 'float' then jsonb_typeof(field.value) = 'number'
              when 'boolean' then jsonb_typeof(field.value) = 'boolean'
              when 'date' then jsonb_typeof(field.value) = 'string' and pg_input_is_valid(field.value #>> '{}', 'timestamptz')
              else false
            end
        ) end
      $$;`);

    // User text is parsed like the documents ('simple': lowercase words, no stemming, like the
    // Elasticsearch standard analyzer). Immutable, so with the text bound at planning time the planner
    // folds each call into a constant tsquery and estimates it from the column statistics.
    this.addSql(`
      create function search.any_words_query(text text) returns tsquery
      language sql immutable parallel safe as $$
        select string_agg(${quotedLexeme('t.lexeme')}, ' | ')::tsquery from unnest(to_tsvector('simple', text)) t
      $$;`);
    this.addSql(`
      create function search.prefix_query(finished text, typing text) returns tsquery
      language sql immutable parallel safe as $$
        select nullif(concat_ws(' & ',
          (select string_agg(${quotedLexeme('t.lexeme')}, ' & ') from unnest(to_tsvector('simple', finished)) t),
          (select string_agg(${quotedLexeme('t.lexeme')} || ':*', ' & ') from unnest(to_tsvector('simple', typing)) t)
        ), '')::tsquery
      $$;`);
    // Elasticsearch's fuzziness AUTO: words of 1-2 letters must match exactly, 3-5 letters may have one
    // edit, longer words two; swapping two adjacent letters counts as one edit (Levenshtein counts two).
    this.addSql(`
      create function search.within_typo_distance(typed text, word text) returns boolean
      language sql immutable parallel safe as $$
        select case
          when length(typed) <= 2 then typed = word
          when length(typed) > 255 or length(word) > 255 then false -- levenshtein's limit
          when length(typed) <= 5 then abs(length(typed) - length(word)) <= 1 and (
            levenshtein_less_equal(typed, word, 1) <= 1
            or (length(typed) = length(word) and levenshtein_less_equal(typed, word, 2) = 2 and exists (
                  select from generate_series(1, length(typed) - 1) i
                  where overlay(typed placing substr(typed, i + 1, 1) || substr(typed, i, 1) from i for 2) = word)))
          else abs(length(typed) - length(word)) <= 2 and levenshtein_less_equal(typed, word, 2) <= 2
        end
      $$;`);
    // The indexed words a text with typos meant, as a tsquery (null when none). Only words of 3+ letters
    // that match no document exactly are corrected, like Typesense's typo_tokens_threshold = 1: common
    // words would otherwise drag in look-alikes by the thousand. Trigrams find candidates among the
    // index's words and the edit budget decides: trigrams alone measure edits poorly ("jonh" scores 0.4
    // against "john" but 0.6 against "jones"; "sliva" only 0.2 against "silva"). The trigram threshold
    // is a pg_trgm setting: set inside this function (which restores it on exit), pooled sessions keep
    // theirs. It is lower for longer words, whose candidates the index still narrows down well.
    // Custom plans let the planner see each word, so both lookups use their GIN indexes.
    this.addSql(`
      create function search.typo_query(p_index text, p_text text) returns tsquery
      language plpgsql stable parallel safe
      set pg_trgm.word_similarity_threshold = 0.2
      set plan_cache_mode = force_custom_plan
      as $$
      declare
        typed text;
        corrections text[] := '{}';
      begin
        for typed in
          select t.lexeme from unnest(tsvector_to_array(to_tsvector('simple', p_text))) t(lexeme)
          where length(t.lexeme) between 3 and 255
        loop
          continue when exists (
            select from search.documents d
            where d.index_name = p_index and d.vector @@ (${quotedLexeme('typed')})::tsquery
          );
          perform set_config('pg_trgm.word_similarity_threshold', case length(typed) when 3 then '0.5' when 4 then '0.25' else '0.2' end, true);
          corrections := corrections || array(
            select w.word from search.words w
            where w.index_name = p_index and typed <% w.word
              and abs(length(w.word) - length(typed)) <= 2 -- cheap checks first; the budget check is costlier
              and levenshtein_less_equal(typed, w.word, 2) <= 2
              and search.within_typo_distance(typed, w.word)
          );
        end loop;
        return (select string_agg(${quotedLexeme('c.word')}, ' | ')::tsquery from (select distinct unnest(corrections) as word) c);
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists search.typo_query(text, text);`);
    this.addSql(`drop function if exists search.within_typo_distance(text, text);`);
    this.addSql(`drop function if exists search.prefix_query(text, text);`);
    this.addSql(`drop function if exists search.any_words_query(text);`);
    this.addSql(`drop function if exists search.document_problem(jsonb, jsonb);`);
    this.addSql(`drop function if exists search.document_keys(jsonb, jsonb);`);
    this.addSql(`drop function if exists search.document_vector(jsonb, jsonb, boolean);`);
    this.addSql(`drop aggregate if exists search.tsvector_agg(tsvector);`);
    this.addSql(`drop table if exists search.words;`);
    this.addSql(`drop table if exists search.documents;`);
    this.addSql(`drop table if exists search.aliases;`);
    this.addSql(`drop table if exists search.indices;`);
    this.addSql(`drop schema if exists search;`);
    // pg_trgm and fuzzystrmatch stay: other schemas may use them.
  }
}
