import { randomBytes } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { EnsureAdminCommand } from '@lib/identity';
import type { CliContext } from '../cli-context.js';

/** Creates (or promotes) an admin. Without a password one is generated and printed once. */
export async function createAdmin(
  context: CliContext,
  flags: { email?: string; password?: string; handle?: string },
): Promise<void> {
  const email = flags.email ?? process.env.ADMIN_EMAIL;
  if (!email) throw new Error('Give the admin an email: `npm run cli -- users:create-admin --email you@example.com`');
  const given = flags.password ?? process.env.ADMIN_PASSWORD;
  const password = given ?? randomBytes(18).toString('base64url');
  const app = await context.app();
  const result = await RequestContext.create(app.get(MikroORM).em, () =>
    app.get(CommandBus).execute(new EnsureAdminCommand(email, password, flags.handle)),
  );
  const messages = {
    created: `Created admin ${email}.`,
    promoted: `${email} already had an account; it is now an admin (its password is unchanged).`,
    unchanged: `${email} is already an admin; nothing changed.`,
  };
  console.log(messages[result.outcome]);
  if (result.outcome === 'created' && !given) console.log(`Generated password (shown once): ${password}`);
}
