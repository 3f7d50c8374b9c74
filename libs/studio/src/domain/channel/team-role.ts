/** Same names as the media seam's `ChannelRole`; duplicated so the domain imports nothing from application/. */
export type TeamRole = 'owner' | 'editor' | 'viewer';
export type InvitableRole = Exclude<TeamRole, 'owner'>;

/** Higher ranks may do everything lower ranks may. */
export const ROLE_RANK: Record<TeamRole, number> = { viewer: 1, editor: 2, owner: 3 };
