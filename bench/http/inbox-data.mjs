// `http --read`: deterministic people, conversations and messages for GET /v1/conversations, and the request mix.
// Everything is generated in SQL from the row numbers (no random()), so every run seeds the same rows.
import { createHash } from 'node:crypto';

/** A stable UUID from a label, the same expression as the seed SQL's `md5(label)::uuid`. */
export function stableUuid(label) {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const personId = (index) => stableUuid(`person-${index}`);

/** Each person opens this many 1:1 conversations; the last two wait as message requests for their recipient. */
const DIRECT_PER_PERSON = 5;
const GROUP_SIZE = 6;

/**
 * Seeds, for `people` people (≥ 300, so the 1:1 pairs never repeat): DIRECT_PER_PERSON 1:1 conversations opened by each (so about ten per person,
 * two of them waiting as requests), `people` groups of six (one pending invitation in four groups, one member
 * gone in seven) and 2–16 messages per conversation with some deleted and some held for review; read marks
 * trail the last message by 0–4. Engagement's people rows carry avatars for two in three. One person in fifty
 * has an (expired) mute, so the guard's sanction lookup sometimes finds a row.
 */
export async function seedInbox(pool, people) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into engagement.people (user_id, handle, display_name, avatar_url, email)
       select md5('person-' || i)::uuid, 'user' || i,
              (array['Ada','Maria','Sofia','James','Wei','Alan','Amara','Bruno','Chen','Dina','Elena','Felix','Grace',
                     'Hana','Ivan','Jade','Kenji','Lara','Mateo','Nora'])[1 + i % 20] || ' ' ||
              (array['Lovelace','Garcia','Silva','Chen','Okafor','Novak','Haddad','Larsen','Rossi','Tanaka','Kowalski',
                     'Moreau','Nguyen','Petrov','Quinn','Santos','Weber','Yilmaz','Zhou','Abara','Bauer','Costa',
                     'Dubois','Eriksen','Fischer'])[1 + (i / 20) % 25],
              case when i % 3 = 0 then null else 'https://cdn.bench.test/avatars/' || i || '.jpg' end,
              'user' || i || '@bench.test'
         from generate_series(0, $1 - 1) i`,
      [people],
    );
    // Membership plan: conversation number, member order (0 = creator), person, role, status.
    await client.query(`create temp table bench_members (conv int, ord int, person int, role text, status text)
                        on commit drop`);
    await client.query(
      `insert into bench_members
       select k * $1 + i, 0, i, 'member', 'active' from generate_series(0, $1 - 1) i, generate_series(0, $2 - 1) k
       union all
       select k * $1 + i, 1, (i + 1 + k * 37) % $1, 'member', case when k >= $2 - 2 then 'request' else 'active' end
         from generate_series(0, $1 - 1) i, generate_series(0, $2 - 1) k
       union all
       select $2 * $1 + g, j, (2 * g + j * ($1 / $3 + 1)) % $1, case when j = 0 then 'admin' else 'member' end,
              case when j = $3 - 1 and g % 4 = 0 then 'request' when j = $3 - 2 and g % 7 = 0 then 'left' else 'active' end
         from generate_series(0, $1 - 1) g, generate_series(0, $3 - 1) j`,
      [people, DIRECT_PER_PERSON, GROUP_SIZE],
    );
    // Looked up once per message below: indexed, or seeding is quadratic.
    await client.query('create index on bench_members (conv, ord)');
    await client.query('analyze bench_members');
    await client.query(`create temp table bench_conversations (conv int primary key, is_group boolean, messages int,
                                                               created_at timestamptz) on commit drop`);
    await client.query(
      `insert into bench_conversations
      select conv, conv >= $1 * $2 as is_group, 2 + (conv * 7) % 15 as messages,
             timestamptz '2026-10-01 00:00:00+00' + ((conv::bigint * 9973) % 2592000) * interval '1 second' as created_at
        from generate_series(0, $1 * ($2 + 1) - 1) conv`,
      [people, DIRECT_PER_PERSON],
    );
    await client.query('analyze bench_conversations');
    await client.query(
      `insert into engagement.conversations (id, kind, title, pair_key, created_by, created_at, last_seq, last_activity_at)
       select md5('conv-' || c.conv)::uuid, case when c.is_group then 'group' else 'direct' end,
              case when c.is_group then 'Group ' || c.conv else null end,
              case when c.is_group then null else 'bench-pair-' || c.conv end,
              md5('person-' || creator.person)::uuid, c.created_at, c.messages,
              c.created_at + c.messages * interval '7 minutes' + (c.conv % 60) * interval '1 second'
         from bench_conversations c join bench_members creator on creator.conv = c.conv and creator.ord = 0`,
    );
    await client.query(
      `insert into engagement.conversation_members (conversation_id, user_id, role, status, joined_at, left_at, read_seq)
       select md5('conv-' || m.conv)::uuid, md5('person-' || m.person)::uuid, m.role, m.status,
              c.created_at + m.ord * interval '1 second',
              case when m.status = 'left' then c.created_at + interval '1 day' end,
              case when m.status = 'request' then 0 else greatest(0, c.messages - (m.conv + m.ord) % 5) end
         from bench_members m join bench_conversations c on c.conv = m.conv`,
    );
    // Senders are members 0-3 of a group or both people of a 1:1 (only its opener while it is a request): all active.
    await client.query(
      `insert into engagement.messages (id, conversation_id, seq, revision, sender_id, client_message_id, body,
                                        created_at, deleted_at, held_at)
       select md5('message-' || c.conv || '-' || s)::uuid, md5('conv-' || c.conv)::uuid, s, s,
              md5('person-' || sender.person)::uuid, 'bench-' || c.conv || '-' || s,
              case when (c.conv + s) % 17 = 0 then null
                   else (array['hey, are you around later?','that episode was great','sending the file now',
                               'can we move it to Thursday?','ha, exactly','I will check and come back to you',
                               'thanks!','did you see the new upload?'])[1 + (c.conv + s) % 8] end,
              c.created_at + s * interval '7 minutes' + (c.conv % 60) * interval '1 second',
              case when (c.conv + s) % 17 = 0 then c.created_at + s * interval '7 minutes' + interval '2 minutes' end,
              case when (c.conv * 3 + s) % 29 = 0 then c.created_at + s * interval '7 minutes' end
         from bench_conversations c, generate_series(1, c.messages) s,
              lateral (select person from bench_members m
                        where m.conv = c.conv
                          and m.ord = case when c.is_group then (s - 1) % 4 when c.conv / $1 >= $2 - 2 then 0
                                           else (s - 1) % 2 end) sender`,
      [people, DIRECT_PER_PERSON],
    );
    await client.query(
      `insert into trust_safety.account_sanctions (user_id, muted_until, updated_at)
       select md5('person-' || i)::uuid, timestamptz '2026-10-02 00:00:00+00', timestamptz '2026-10-01 00:00:00+00'
         from generate_series(0, $1 - 1, 50) i`,
      [people],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  for (const table of [
    'engagement.people',
    'engagement.conversations',
    'engagement.conversation_members',
    'engagement.messages',
    'trust_safety.account_sanctions',
  ])
    await pool.query(`vacuum analyze ${table}`);
  const { rows } = await pool.query(
    `select (select count(*) from engagement.people)::int as people,
            (select count(*) from engagement.conversations)::int as conversations,
            (select count(*) from engagement.conversation_members)::int as memberships,
            (select count(*) from engagement.messages)::int as messages`,
  );
  return rows[0];
}

/**
 * The mix: `readers` people spread over the population, each with their own token, in turn asking for their
 * inbox (3 in 5), their message requests (1 in 5) or the second page of a 5-conversation inbox (1 in 5; its
 * cursor is read from the first page before measuring).
 */
export function readRequestPlan(people, readers) {
  const count = Math.min(readers, people);
  const stride = Math.max(1, Math.floor(people / count));
  return Array.from({ length: count }, (_, t) => {
    const person = (t * stride) % people;
    const kind = ['inbox', 'inbox', 'inbox', 'requests', 'page 2'][t % 5];
    return { person, userId: personId(person), kind };
  });
}

export const CONVERSATIONS_PATH = '/v1/conversations';
