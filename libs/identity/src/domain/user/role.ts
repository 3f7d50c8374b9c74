/** Mirrors the platform's role vocabulary; the identity context is where roles are granted. */
export const ROLES = ['member', 'creator', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
