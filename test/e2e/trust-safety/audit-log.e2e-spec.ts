import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { TestApp } from '@lib/platform/testing';
import { VerifyAuditChain } from '@lib/trust-safety';
import { ADMIN, logInAdmin } from '../../support/moderation.js';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

describe('trust & safety: the append-only, hash-chained audit log', () => {
  let app: TestApp;
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    adminToken = await logInAdmin(app);
    adminId = (await app.request('GET', '/v1/me', { token: adminToken })).body.id;
  });
  afterAll(() => app.close());

  const sql = <T = any>(text: string, params: unknown[] = []) =>
    app.app.get(MikroORM).em.fork().execute<T[]>(text, params);
  /** What `npm run cli -- trust:verify-audit` runs. */
  const verify = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(VerifyAuditChain).run());
  const auditLog = (query = '') => app.request('GET', `/v1/admin/audit-log${query}`, { token: adminToken });

  it('records admin actions from other contexts: role changes and plan archiving', async () => {
    const user = await registerUser(app);
    await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
      token: adminToken,
      body: { roles: ['creator'] },
    });
    const roles = await auditLog(`?targetId=${user.user.id}`);
    expect(roles.body.items).toHaveLength(1);
    expect(roles.body.items[0]).toMatchObject({
      actorId: adminId,
      action: 'identity.roles.changed',
      target: { type: 'user', id: user.user.id },
      data: { before: ['member'], after: ['member', 'creator'] },
    });

    const plans = await app.request('GET', '/v1/admin/billing/plans', { token: adminToken });
    const paid = plans.body.find((plan: any) => plan.id !== 'free');
    expect(
      (await app.request('POST', `/v1/admin/billing/plans/${paid.id}/archive`, { token: adminToken })).status,
    ).toBe(200);
    expect(
      (await app.request('POST', `/v1/admin/billing/plans/${paid.id}/unarchive`, { token: adminToken })).status,
    ).toBe(200);
    const archiving = await auditLog(`?targetType=plan&targetId=${paid.id}`);
    expect(archiving.body.items.map((entry: any) => entry.action)).toEqual([
      'billing.plan.unarchived',
      'billing.plan.archived',
    ]);

    // Each entry carries the hash of the one before it.
    const all = (await auditLog('?limit=100')).body.items;
    for (let i = 0; i < all.length - 1; i += 1) expect(all[i].previousHash).toBe(all[i + 1].hash);
  });

  it('filters by actor, action and time, and pages newest first', async () => {
    for (let i = 0; i < 3; i += 1) {
      const user = await registerUser(app);
      await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
        token: adminToken,
        body: { roles: ['moderator'] },
      });
    }
    const byAction = await auditLog('?action=identity.roles.changed&limit=2');
    expect(byAction.body.items).toHaveLength(2);
    const next = await auditLog(`?action=identity.roles.changed&limit=2&cursor=${byAction.body.nextCursor}`);
    expect(next.body.items[0].seq).toBeLessThan(byAction.body.items[1].seq);
    expect((await auditLog(`?actorId=${adminId}`)).body.items.length).toBeGreaterThanOrEqual(4);
    expect((await auditLog('?actorId=018f0000-0000-7000-8000-000000000000')).body.items).toEqual([]);
    expect((await auditLog(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).body.items).toEqual([]);
    expect((await auditLog('?cursor=bad')).status).toBe(400);
    expect((await auditLog('?from=yesterday')).status).toBe(400);
  });

  it('refuses updates and deletes in the database itself', async () => {
    await expect(sql(`update trust_safety.audit_log set reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(sql('delete from trust_safety.audit_log')).rejects.toThrow(/append-only/);
    await expect(sql('truncate trust_safety.audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and finds an entry edited or deleted behind the trigger’s back', async () => {
    const intact = await verify();
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBeGreaterThanOrEqual(6);

    const [victim] = await sql<{ seq: string; id: string }>(
      'select seq, id from trust_safety.audit_log order by seq limit 1 offset 2',
    );
    // A superuser can switch the trigger off; the chain still tells.
    await sql('alter table trust_safety.audit_log disable trigger audit_log_no_update_or_delete');
    await sql(`update trust_safety.audit_log set data = '{"after": ["admin"]}'::jsonb where seq = ?`, [victim.seq]);
    const edited = await verify();
    expect(edited.broken).toEqual({ seq: Number(victim.seq), id: victim.id, problem: 'hash-mismatch' });
    expect(edited.checked).toBe(2);

    await sql('delete from trust_safety.audit_log where seq = ?', [victim.seq]);
    const [successor] = await sql<{ seq: string }>(
      'select seq from trust_safety.audit_log where seq > ? order by seq limit 1',
      [victim.seq],
    );
    const deleted = await verify();
    expect(deleted.broken).toMatchObject({ seq: Number(successor.seq), problem: 'previous-hash-mismatch' });
    await sql('alter table trust_safety.audit_log enable trigger audit_log_no_update_or_delete');
  });
});
