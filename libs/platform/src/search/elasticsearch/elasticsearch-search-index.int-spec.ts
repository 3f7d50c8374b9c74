import { createRequire } from 'node:module';
import { uniquePrefix } from '../../testing/test-database.js';
import { describeSearchIndexContract } from '../search-index.contract.js';
import { ElasticsearchSearchIndex } from './elasticsearch-search-index.js';

const node = process.env.ELASTICSEARCH_NODE;

if (!node) {
  // No cluster can run on every machine; docker-compose.yml provides one for this suite.
  describe('ElasticsearchSearchIndex against a real cluster', () => {
    it.todo('runs the SearchIndex contract when ELASTICSEARCH_NODE is set (e.g. http://localhost:9200)');
  });
} else {
  // The CommonJS build, as the app loads it (dual-package hazard: one set of error classes).
  const { Client } = createRequire(import.meta.url)(
    '@elastic/elasticsearch',
  ) as typeof import('@elastic/elasticsearch');

  describeSearchIndexContract(`Elasticsearch at ${node}`, async () => {
    const client = new Client({ node, requestTimeout: 30_000 });
    const prefix = uniquePrefix('contract');
    return {
      // No replicas: a single-node test cluster stays green.
      index: new ElasticsearchSearchIndex(client, { indexPrefix: prefix, settings: { number_of_replicas: 0 } }),
      teardown: async () => {
        // Wildcard deletes are refused by default (action.destructive_requires_name): name each index.
        const { indices } = await client.indices.resolveIndex({ name: `${prefix}-*`, expand_wildcards: 'all' });
        if (indices.length > 0) await client.indices.delete({ index: indices.map((i) => i.name) });
        await client.close();
      },
    };
  });
}
