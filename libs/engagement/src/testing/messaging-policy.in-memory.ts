import { MessagingPolicy } from '../application/messaging/messaging-policy.js';
import {
  InMemoryFollowRepository,
  InMemoryMessagingSettingsRepository,
  InMemoryRestrictionRepository,
} from './in-memory-engagement-repositories.js';

/** The real MessagingPolicy on in-memory ports, with the storage exposed to arrange each case. */
export function inMemoryMessagingPolicy() {
  const follows = new InMemoryFollowRepository();
  const restrictions = new InMemoryRestrictionRepository();
  const settings = new InMemoryMessagingSettingsRepository();
  return { follows, restrictions, settings, policy: new MessagingPolicy(settings, follows, restrictions) };
}
