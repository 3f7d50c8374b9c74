import type { MessagingSettings } from './messaging-settings.js';

export abstract class MessagingSettingsRepository {
  /** The stored choice, or null when the user keeps the default. */
  abstract find(userId: string): Promise<MessagingSettings | null>;
  /** Saved with the current unit of work. */
  abstract add(settings: MessagingSettings): void;
}
