// Imported by the apps only; other contexts use '@lib/studio/contracts'.
export { StudioModule } from './studio.module.js';
