import type { EntityManager } from '@mikro-orm/postgresql';

export async function unreadCount(em: EntityManager, userId: string): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from engagement.notifications where user_id = ? and read_at is null`, [userId]);
  return row!.n;
}
