#!/usr/bin/env node
// Generates the typed TypeScript client and the Postman collection from a running server's OpenAPI
// document: `npm run client:generate [-- <url or file of the document>]` (default: the local server).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@hey-api/openapi-ts';
import converter from 'openapi-to-postmanv2';

const here = dirname(fileURLToPath(import.meta.url));

/** The OpenAPI document from a URL (a running server) or a file. */
export async function loadDocument(source) {
  if (/^https?:\/\//.test(source)) {
    const answer = await fetch(source);
    if (!answer.ok) throw new Error(`${source} answered ${answer.status}`);
    return answer.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

/** Writes `<outDir>/typescript/generated/` (types, SDK functions, fetch client) and the Postman collection. */
export async function generateClients(document, outDir = here) {
  const typescriptDir = join(outDir, 'typescript', 'generated');
  await createClient({
    input: document,
    output: { path: typescriptDir },
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    logs: { level: 'silent' },
  });
  const collection = await new Promise((done, fail) =>
    converter.convert(
      { type: 'json', data: document },
      { folderStrategy: 'Tags', requestParametersResolution: 'Example' },
      (error, result) => {
        if (error) return fail(error);
        if (!result.result) return fail(new Error(`Postman conversion failed: ${result.reason}`));
        done(result.output[0].data);
      },
    ),
  );
  const postmanFile = join(outDir, 'postman', 'showrunner.postman_collection.json');
  await mkdir(dirname(postmanFile), { recursive: true });
  await writeFile(postmanFile, `${JSON.stringify(collection, null, 2)}\n`);
  return { typescriptDir, postmanFile, collection };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const source = process.argv[2] ?? `http://localhost:${process.env.PORT ?? 3000}/docs-json`;
  const { typescriptDir, postmanFile } = await generateClients(await loadDocument(source));
  console.log(`TypeScript client: ${typescriptDir}\nPostman collection: ${postmanFile}`);
}
