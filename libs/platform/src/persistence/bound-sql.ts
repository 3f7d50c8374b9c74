import { Injectable } from '@nestjs/common';
import { EntityManager, TransactionContext } from '@mikro-orm/postgresql';
import { CompiledQuery, type QueryResult } from 'kysely';
import type pg from 'pg';

/** Quoted strings, quoted identifiers and comments are copied as they are; `\?` is a literal `?` (a jsonb operator). */
const PLACEHOLDERS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\\\?|\?\??/g;
const NUMBERED_CACHE_SIZE = 1_000;

/** What a MikroORM transaction context is on PostgreSQL: a kysely transaction. */
interface KyselyTransaction {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/**
 * Hand-written SQL with `?` placeholders, sent with bind parameters (`$1`, `$2`, …): the same call as
 * `em.execute(sql, params)` for repositories and read models that map their rows themselves, without
 * what `em.execute` adds per statement: MikroORM quotes every value into the SQL text (one string per
 * character of each value), wraps the call for its query log and, outside a transaction, goes through
 * kysely's connection provider. Inside a unit of work the statement runs on that transaction's
 * connection, as `em.execute` would; errors are MikroORM's exceptions, as from `em.execute`.
 *
 * Values are bound as `pg` binds them: a Date as a timestamp with its offset, an object as JSON, an
 * array as a PostgreSQL array (`= any(?)`), not expanded into a list as `em.execute` does. `??`
 * (identifiers) is refused; a statement takes its identifiers as text.
 */
@Injectable()
export class BoundSql {
  private readonly numbered = new Map<string, { text: string; count: number }>();
  private pool?: Promise<pg.Pool>;

  constructor(private readonly em: EntityManager) {}

  async execute<T extends object[] = Record<string, unknown>[]>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T> {
    const { text, count } = this.numberedPlaceholders(sql);
    if (count !== params.length) throw new Error(`${count} placeholders and ${params.length} values in: ${sql}`);
    const transaction = this.transaction();
    try {
      if (transaction) return (await transaction.executeQuery(CompiledQuery.raw(text, [...params]))).rows as T;
      this.pool ??= this.em.getConnection().getNativeClient();
      return (await (await this.pool).query(text, params as unknown[])).rows as T;
    } catch (error) {
      throw this.em.getDriver().convertException(error as Error);
    }
  }

  /** Whether a statement run now joins a unit of work's transaction (else it commits on its own). */
  inTransaction(): boolean {
    return this.transaction() !== undefined;
  }

  /**
   * The unit of work's transaction this call runs in: MikroORM's TransactionContext, where `em.getContext()` looks
   * first. Asking `em.getContext()` itself would make a request's lazy EntityManager fork (`inRequestContext`) for
   * a statement that needs none. Every transaction here is opened by `em.transactional` (none by `em.begin`).
   */
  private transaction(): KyselyTransaction | undefined {
    return TransactionContext.getEntityManager(this.em.name)?.getTransactionContext<KyselyTransaction>();
  }

  /** `?` → `$n`, once per distinct statement text. */
  private numberedPlaceholders(sql: string): { text: string; count: number } {
    let numbered = this.numbered.get(sql);
    if (numbered) return numbered;
    let count = 0;
    const text = sql.replace(PLACEHOLDERS, (token) => {
      if (token === '??') throw new Error(`identifier placeholders (??) are not supported: ${sql}`);
      if (token === '\\?') return '?';
      return token === '?' ? `$${++count}` : token;
    });
    // Statements are templates with a few list lengths at most; a flood of distinct texts only restarts the cache.
    if (this.numbered.size >= NUMBERED_CACHE_SIZE) this.numbered.clear();
    this.numbered.set(sql, (numbered = { text, count }));
    return numbered;
  }
}
