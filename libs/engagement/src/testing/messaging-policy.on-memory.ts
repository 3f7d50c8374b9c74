import { MessagingPolicy, DEFAULT_DIRECT_MESSAGE_POLICY } from '../application/messaging/messaging-policy.js';
import { MessagingSettings } from '../domain/messaging/message.js';
import { InMemoryFollowRepository, InMemoryMessagingSettings, InMemoryRestrictionRepository } from './in-memory-engagement-repositories.js';

/**
 * The real MessagingPolicy on in-memory storage. The policy reads settings through the EntityManager
 * itself (no port yet), so that single read is answered from `InMemoryMessagingSettings` instead.
 */
class MessagingPolicyOnMemory extends MessagingPolicy {
  constructor(
    follows: InMemoryFollowRepository,
    restrictions: InMemoryRestrictionRepository,
    private readonly settings: InMemoryMessagingSettings,
  ) {
    super(undefined as never, follows, restrictions);
  }

  override async settingsOf(userId: string): Promise<MessagingSettings> {
    return this.settings.of(userId) ?? new MessagingSettings(userId, DEFAULT_DIRECT_MESSAGE_POLICY);
  }
}

export function inMemoryMessagingPolicy() {
  const follows = new InMemoryFollowRepository();
  const restrictions = new InMemoryRestrictionRepository();
  const settings = new InMemoryMessagingSettings();
  return { follows, restrictions, settings, policy: new MessagingPolicyOnMemory(follows, restrictions, settings) as MessagingPolicy };
}
