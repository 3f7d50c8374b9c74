import { concretePath, inPool, parseRouteTree } from './api-sweep.js';

describe('the sweeps’ helpers', () => {
  it('reads Fastify’s route tree into full paths, children under their parents', () => {
    const tree = [
      '├── /admin/queues (GET, HEAD)',
      '│   └── / (GET, HEAD)',
      '│       └── api/queues (GET, HEAD)',
      '│           └── /:queueName/pause (PUT)',
      '├── /v1/users/:id|:userId (GET, HEAD)',
      '│   └── /block (POST, DELETE)',
      '└── * (OPTIONS)',
    ].join('\n');
    expect(parseRouteTree(tree)).toEqual([
      { method: 'GET', path: '/admin/queues' },
      { method: 'HEAD', path: '/admin/queues' },
      { method: 'GET', path: '/admin/queues/' },
      { method: 'HEAD', path: '/admin/queues/' },
      { method: 'GET', path: '/admin/queues/api/queues' },
      { method: 'HEAD', path: '/admin/queues/api/queues' },
      { method: 'PUT', path: '/admin/queues/api/queues/:queueName/pause' },
      { method: 'GET', path: '/v1/users/:id|:userId' },
      { method: 'HEAD', path: '/v1/users/:id|:userId' },
      { method: 'POST', path: '/v1/users/:id|:userId/block' },
      { method: 'DELETE', path: '/v1/users/:id|:userId/block' },
    ]);
  });

  it('fills OpenAPI and Fastify path parameters, UUIDs unless the name says otherwise', () => {
    expect(concretePath('/v1/studio/videos/{videoId}/captions/{language}')).toMatch(
      /^\/v1\/studio\/videos\/[0-9a-f-]{36}\/captions\/en$/,
    );
    expect(concretePath('/admin/queues/api/queues/:queueName/pause')).toBe('/admin/queues/api/queues/sweep/pause');
    expect(concretePath('/v1/x/{id}', () => 'a b')).toBe('/v1/x/a%20b');
  });

  it('runs work with bounded concurrency, keeping the order of results', async () => {
    let running = 0;
    let peak = 0;
    const results = await inPool([5, 1, 4, 2, 3], 2, async (ms) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
