import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { eventually, httpRequest } from '@lib/platform/testing';
import {
  registerPerson,
  sharedServices,
  spawnApi,
  spawnWorker,
  type AppProcess,
  type SharedServices,
} from '../../support/processes.js';

interface Person {
  userId: string;
  token: string;
}

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * Two API and two worker processes on one PostgreSQL and one Redis (ADR 0049): pushes cross nodes,
 * a killed API node's clients carry on through the other and catch up, a killed worker's jobs finish
 * on the other, and the two outbox relays hand each event to each consumer exactly once.
 */
describe('faults: scale-out on two API and two worker processes', () => {
  let services: SharedServices;
  let apiA: AppProcess;
  let apiB: AppProcess;
  let worker1: AppProcess;
  let worker2: AppProcess;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    services = await sharedServices();
    [apiA, apiB, worker1, worker2] = await Promise.all([
      spawnApi(services.env, 'api-a'),
      spawnApi(services.env, 'api-b'),
      // Worker 1 dies inside the first follower notification it takes; worker 2 must finish its jobs.
      spawnWorker(
        services,
        { ...services.env, FAULT_INJECT: 'consumer.before-commit:engagement.notify-new-follower' },
        'worker-1',
      ),
      spawnWorker(services, services.env, 'worker-2'),
    ]);
  }, 240_000); // four real processes booting from source at once on a loaded 2-core machine

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await services?.close();
  });

  const register = (node: AppProcess, handle: string): Promise<Person> => registerPerson(node.url, handle);

  async function follow(node: AppProcess, follower: Person, followee: Person): Promise<void> {
    await eventually(async () => {
      const answer = await httpRequest(node.url, 'POST', `/v1/creators/${followee.userId}/follow`, {
        token: follower.token,
      });
      expect([200, 201]).toContain(answer.status); // engagement knows both once the worker projected them
    });
  }

  async function send(node: AppProcess, from: Person, to: Person, text: string) {
    const answer = await httpRequest(node.url, 'POST', `/v1/users/${to.userId}/messages`, {
      token: from.token,
      body: { text, clientMessageId: randomUUID() },
    });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; conversationId: string; seq: number };
  }

  const pushed = (socket: Socket) => {
    const texts: string[] = [];
    socket.on('message:new', (message: { text: string }) => texts.push(message.text));
    return texts;
  };

  let ana: Person;
  let ben: Person;
  let conversationId: string;

  it('under mixed load: pushes cross nodes, a killed worker’s jobs finish on the other, each event reaches each consumer once', async () => {
    ana = await register(apiA, 'scale_ana');
    ben = await register(apiB, 'scale_ben');
    const fans = await Promise.all(
      Array.from({ length: 6 }, (_, index) => register(index % 2 ? apiA : apiB, `scale_fan_${index}`)),
    );
    await Promise.all([follow(apiA, ana, ben), follow(apiB, ben, ana)]);

    const anaOnA = await connect(apiA.url, ana.token);
    const benOnB = await connect(apiB.url, ben.token);
    sockets.push(anaOnA, benOnB);
    const toAna = pushed(anaOnA);
    const toBen = pushed(benOnB);

    // Mixed load through both nodes: follows (consumed by the workers) and messages (pushed across nodes).
    await Promise.all([
      ...fans.map((fan, index) => follow(index % 2 ? apiB : apiA, fan, ana)),
      ...['one', 'two', 'three'].map((text) => send(apiB, ben, ana, `ben ${text}`)),
      ...['one', 'two'].map((text) => send(apiA, ana, ben, `ana ${text}`)),
    ]);
    // Each member's socket gets every message of the conversation, whichever node it went through.
    const all = ['ana one', 'ana two', 'ben one', 'ben three', 'ben two'];
    await eventually(() => {
      expect([...toAna].sort()).toEqual(all);
      expect([...toBen].sort()).toEqual(all);
    });

    // Worker 1 took a follower notification and died inside it (else it is killed here, mid-load).
    await worker1.died(15_000).catch(() => worker1.kill());
    const people = [ana, ben, ...fans].map((person) => person.userId);
    await eventually(
      async () => {
        const [notified] = await services.sql<{ followers: number }>(
          `select coalesce(sum(count), 0)::int as followers from engagement.notifications
            where user_id = $1 and type = 'follower.new'`,
          [ana.userId],
        );
        expect(notified.followers).toBe(7);
      },
      { timeoutMs: 30_000 },
    );

    // Every event of this test reached each of its consumers once: one inbox entry each, one welcome each.
    await eventually(
      async () => {
        const delivered = await services.sql<{ type: string; consumer: string; events: number }>(
          `select o.type, i.consumer, count(*)::int as events
           from platform.outbox o join platform.inbox i on i.event_id = o.id
          where o.type in ('identity.user-registered.v1', 'engagement.user-followed.v1')
            and i.consumer in ('engagement.welcome', 'insights.record-identity', 'engagement.notify-new-follower')
          group by o.type, i.consumer order by 1, 2`,
        );
        expect(delivered).toEqual([
          { type: 'engagement.user-followed.v1', consumer: 'engagement.notify-new-follower', events: 8 },
          { type: 'identity.user-registered.v1', consumer: 'engagement.welcome', events: 8 },
          { type: 'identity.user-registered.v1', consumer: 'insights.record-identity', events: 8 },
        ]);
        const [welcomes] = await services.sql<{ count: number; people: number }>(
          `select count(*)::int, count(distinct user_id)::int as people from engagement.notifications
          where type = 'account.welcome' and user_id = any($1)`,
          [people],
        );
        expect(welcomes).toEqual({ count: 8, people: 8 });
      },
      { timeoutMs: 30_000 },
    );
    // Every consumer job completed on a live worker. Jobs worker 1 had committed but not acknowledged ran
    // again on worker 2 and answered `duplicate`: the inbox, not the queue, keeps those effects single.
    const jobKeys: string[] = [];
    for (let cursor = '0'; ;) {
      const [next, keys] = await services.redis.scan(
        cursor,
        'MATCH',
        `${services.env.REDIS_PREFIX}:bull:*:*-*-*-*-*:*`,
      );
      jobKeys.push(...keys);
      if ((cursor = next) === '0') break;
    }
    const outcomes = await Promise.all(jobKeys.map((key) => services.redis.hmget(key, 'returnvalue', 'failedReason')));
    expect(outcomes.filter(([, failed]) => failed)).toEqual([]);
    const processed = outcomes.filter(([outcome]) => outcome === JSON.stringify('processed'));
    expect(processed.length).toBeGreaterThanOrEqual(24);
    expect(worker2.child.exitCode).toBeNull(); // the survivor did all of it
    conversationId = (await send(apiB, ben, ana, 'ben four')).conversationId;
    await eventually(() => expect(toAna).toContain('ben four'));
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine

  it('an API node killed: its clients reconnect to the other and catch up on what they missed', async () => {
    const history = await httpRequest(apiA.url, 'GET', `/v1/conversations/${conversationId}/messages`, {
      token: ana.token,
    });
    const lastSeen = Math.max(...history.body.items.map((message: { seq: number }) => message.seq));

    await apiA.kill();
    // Sent while Ana has no connection at all.
    for (const text of ['missed one', 'missed two']) await send(apiB, ben, ana, text);

    const anaOnB = await connect(apiB.url, ana.token);
    sockets.push(anaOnB);
    const live = pushed(anaOnB);
    const caughtUp = await httpRequest(
      apiB.url,
      'GET',
      `/v1/conversations/${conversationId}/messages?after=${lastSeen}`,
      {
        token: ana.token,
      },
    );
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body.items.map((message: { text: string }) => message.text)).toEqual(['missed one', 'missed two']);

    await send(apiB, ben, ana, 'live again');
    await eventually(() => expect(live).toEqual(['live again']));
    expect(apiB.child.exitCode).toBeNull();
  }, 240_000); // restarts real processes; slow on a loaded 2-core machine
});
