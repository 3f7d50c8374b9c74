// A small client built only on the generated SDK: two people register, one edits a profile, follows
// the other and messages them; then the catalog and the plans are read. Run against a server with
// `SHOWRUNNER_URL=http://localhost:3000 node <compiled app.js>`; it prints what it saw as JSON.
import { randomUUID } from 'node:crypto';
import {
  authControllerRegister,
  billingControllerPlans,
  catalogControllerSearch,
  conversationsControllerSendTo,
  meControllerMe,
  meControllerUpdate,
  socialGraphControllerFollow,
} from '../generated/index.js';
import { createClient } from '../generated/client/index.js';

const baseUrl = process.env.SHOWRUNNER_URL ?? 'http://localhost:3000';
const anonymous = createClient({ baseUrl });

async function register(name: string) {
  const tag = randomUUID().slice(0, 8);
  const { data } = await authControllerRegister({
    client: anonymous,
    throwOnError: true,
    body: {
      email: `${name}-${tag}@example.com`,
      handle: `${name}_${tag}`,
      displayName: name,
      password: `${name} password ${tag}`,
    },
  });
  // Every call of this person's client carries their access token.
  const client = createClient({ baseUrl, auth: data.tokens.accessToken });
  return { user: data.user, client };
}

const ada = await register('ada');
const grace = await register('grace');

await meControllerUpdate({ client: ada.client, throwOnError: true, body: { bio: 'Writes about engines' } });
const { data: me } = await meControllerMe({ client: ada.client, throwOnError: true });
await socialGraphControllerFollow({ client: ada.client, throwOnError: true, path: { userId: grace.user.id } });
const { data: message } = await conversationsControllerSendTo({
  client: ada.client,
  throwOnError: true,
  path: { userId: grace.user.id },
  body: { text: 'Hello from the typed client', clientMessageId: randomUUID() },
});
const { data: catalog } = await catalogControllerSearch({
  client: anonymous,
  throwOnError: true,
  query: { q: 'engines' },
});
const { data: plans } = await billingControllerPlans({ client: anonymous, throwOnError: true });
// A refused call comes back typed too: the problem document's stable code.
const refused = await meControllerMe({ client: anonymous });

console.log(
  JSON.stringify({
    bio: me.bio,
    messageSeq: message.seq,
    catalogTotal: catalog.total,
    plans: plans.length,
    refusedStatus: refused.response?.status,
    refusedCode: (refused.error as { code?: string } | undefined)?.code,
  }),
);
