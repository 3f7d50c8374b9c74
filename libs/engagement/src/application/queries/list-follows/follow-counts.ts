import type { EntityManager } from '@mikro-orm/postgresql';

export async function countFollowers(em: EntityManager, userId: string): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from engagement.follows where followee_id = ? and ended_at is null`, [userId]);
  return row!.n;
}

export async function countFollowing(em: EntityManager, userId: string): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from engagement.follows where follower_id = ? and ended_at is null`, [userId]);
  return row!.n;
}
