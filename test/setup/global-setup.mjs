// Jest compiles a TypeScript global setup to CommonJS without path aliases; tsx loads it as ESM instead.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestServices } = await tsImport('./services.ts', import.meta.url);
  await startTestServices();
}
