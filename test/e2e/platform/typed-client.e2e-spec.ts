import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestApp } from '@lib/platform/testing';
import { startShowrunner } from '../../support/showrunner.js';
// @ts-expect-error a plain ES module script, without type declarations
import { generateClients } from '../../../clients/generate.mjs';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The typed client is generated from the server's own OpenAPI document, and the example app compiles
 * against it and runs against the server: a document that drifts from the code breaks the build here.
 */
describe('the generated TypeScript client and Postman collection', () => {
  let app: TestApp;
  let document: { paths: Record<string, Record<string, { operationId?: string }>> };
  let workDir: string;
  let generated: { typescriptDir: string; collection: { item: { item?: unknown[] }[] } };

  beforeAll(async () => {
    app = await startShowrunner();
    document = (await app.request('GET', '/docs-json')).body;
    workDir = await mkdtemp(join(tmpdir(), 'showrunner-client-'));
    // The example app as a user copies it, next to a freshly generated client.
    await cp(join(ROOT, 'clients', 'typescript', 'example'), join(workDir, 'typescript', 'example'), {
      recursive: true,
    });
    await cp(join(ROOT, 'clients', 'typescript', 'tsconfig.json'), join(workDir, 'typescript', 'tsconfig.json'));
    await cp(join(ROOT, 'clients', 'typescript', 'package.json'), join(workDir, 'typescript', 'package.json'));
    generated = await generateClients(document, workDir);
  });
  afterAll(async () => {
    await app.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('compiles the example app against the client generated from the document, and the app works', async () => {
    // @types/node comes from the project: the temp directory has no node_modules of its own.
    await run('ln', ['-s', join(ROOT, 'node_modules'), join(workDir, 'typescript', 'node_modules')]);
    await run(process.execPath, [TSC, '-p', join(workDir, 'typescript', 'tsconfig.json')]).catch((failure) => {
      throw new Error(`the example app does not compile against the generated client:\n${failure.stdout}`);
    });

    const { stdout } = await run(process.execPath, [join(workDir, 'typescript', 'dist', 'example', 'app.js')], {
      env: { ...process.env, SHOWRUNNER_URL: app.url },
    });
    expect(JSON.parse(stdout)).toEqual({
      bio: 'Writes about engines',
      messageSeq: expect.any(Number),
      catalogTotal: 0,
      plans: expect.any(Number),
      refusedStatus: 401,
      refusedCode: 'auth.unauthenticated',
    });
  });

  it('types exactly-one-of fields as a union of the alternatives, from the document’s oneOf (ADR 0059)', async () => {
    const types = await readFile(join(generated.typescriptDir, 'types.gen.ts'), 'utf8');
    const declaration = (name: string) => {
      const start = types.indexOf(`export type ${name} = `);
      const text = start < 0 ? '' : types.slice(start, types.indexOf('\n};', start));
      return text.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ');
    };
    expect(declaration('InviteMemberRequest')).toContain('{ email: string; } | { handle: string; }');
    expect(declaration('StartConversationRequest')).toContain("kind: 'direct'; recipientId: string;");
  });

  it('publishes a Postman collection with a request for every documented operation', () => {
    const operations = Object.values(document.paths).flatMap((item) =>
      Object.keys(item).filter((method) => ['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)),
    );
    const requests = (items: { item?: unknown[] }[]): number =>
      items.reduce((count, item) => count + (item.item ? requests(item.item as { item?: unknown[] }[]) : 1), 0);
    expect(requests(generated.collection.item)).toBe(operations.length);
  });
});
