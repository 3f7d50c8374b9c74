import { createRequire } from 'node:module';
import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '@config';
import { ElasticsearchSearchIndex } from './elasticsearch/elasticsearch-search-index.js';
import { PostgresSearchIndex } from './postgres/postgres-search-index.js';
import type { SearchIndexSource } from './reindex.js';
import { SearchIndex } from './search-index.js';

/** The indices this process serves, each with the source a rebuild reads from. */
@Injectable()
export class SearchIndexCatalog {
  private readonly sources = new Map<string, SearchIndexSource>();

  add(source: SearchIndexSource): void {
    if (this.sources.has(source.definition.name))
      throw new Error(`Search index '${source.definition.name}' is declared twice`);
    this.sources.set(source.definition.name, source);
  }

  get(name: string): SearchIndexSource | undefined {
    return this.sources.get(name);
  }

  all(): SearchIndexSource[] {
    return [...this.sources.values()];
  }
}

const SEARCH_CONNECTION = Symbol('search-connection');
type SearchConnection = { close(): Promise<void> };

@Global()
@Module({})
class SearchCoreModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly search: SearchIndex,
    private readonly catalog: SearchIndexCatalog,
    @Inject(SEARCH_CONNECTION) private readonly connection: SearchConnection,
  ) {}

  /** Creates missing indices before anything reads or projects into them (idempotent, race-safe). */
  async onModuleInit(): Promise<void> {
    for (const source of this.catalog.all()) await this.search.ensureIndex(source.definition);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Module({})
export class SearchModule {
  /** The SearchIndex port: Elasticsearch when ELASTICSEARCH_NODE is set, else PostgreSQL full text. */
  static forRoot(): DynamicModule {
    return {
      module: SearchCoreModule,
      global: true,
      providers: [
        SearchIndexCatalog,
        {
          provide: SEARCH_CONNECTION,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            if (config.search.elasticsearchNode) {
              // The CommonJS build: the ESM and CJS builds define different error classes (dual-package hazard).
              const { Client } = createRequire(import.meta.url)(
                '@elastic/elasticsearch',
              ) as typeof import('@elastic/elasticsearch');
              const client = new Client({ node: config.search.elasticsearchNode, requestTimeout: 10_000 });
              return { kind: 'elasticsearch', client, close: () => client.close() };
            }
            const pool = new pg.Pool({
              connectionString: config.database.url,
              max: 10,
              idleTimeoutMillis: config.database.poolIdleTimeoutMs, // as the ORM's pool (ADR 0080)
              connectionTimeoutMillis: config.database.poolAcquireTimeoutMs, // as the ORM's pool (ADR 0077)
            });
            pool.on('error', () => undefined); // idle clients dropped by the server reconnect on next use
            return { kind: 'postgres', pool, close: () => pool.end() };
          },
        },
        {
          provide: SearchIndex,
          inject: [AppConfig, SEARCH_CONNECTION],
          useFactory: (config: AppConfig, connection: { kind: string; client?: never; pool?: pg.Pool }) =>
            connection.kind === 'elasticsearch'
              ? new ElasticsearchSearchIndex(connection.client!, { indexPrefix: config.search.indexPrefix })
              : new PostgresSearchIndex(connection.pool!, { indexPrefix: config.search.indexPrefix }),
        },
      ],
      exports: [SearchIndex, SearchIndexCatalog],
    };
  }

  /** Declares an index served by this process, with the source `search:reindex` rebuilds it from. */
  static forIndex(source: Type<SearchIndexSource>): DynamicModule {
    return {
      module: SearchModule,
      providers: [
        source,
        {
          provide: Symbol(`search-index-source:${source.name}`),
          inject: [SearchIndexCatalog, source],
          useFactory: (catalog: SearchIndexCatalog, instance: SearchIndexSource) => catalog.add(instance),
        },
      ],
      exports: [source],
    };
  }
}
