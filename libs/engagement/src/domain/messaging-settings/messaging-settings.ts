/** Who may start a conversation with a user who does not follow them. */
export type DirectMessagePolicy = 'everyone' | 'requests' | 'followed';
export const DIRECT_MESSAGE_POLICIES: DirectMessagePolicy[] = ['everyone', 'requests', 'followed'];

/** A new user's choice until they change it: strangers land in message requests. */
export const DEFAULT_DIRECT_MESSAGE_POLICY: DirectMessagePolicy = 'requests';

/** A user's choice of who may message them without being followed. */
export class MessagingSettings {
  constructor(
    readonly userId: string,
    public directMessages: DirectMessagePolicy,
  ) {}
}
