/** A person as anyone may see them: never their e-mail, roles or sign-in details. */
export interface PublicProfileView {
  id: string;
  handle: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  joinedAt: string;
  followerCount: number;
  followingCount: number;
  channels: Array<{ id: string; name: string; createdAt: string }>;
  /** How the signed-in caller relates to the person; null for anonymous visitors and on one's own profile. */
  viewer: { following: boolean; followsYou: boolean } | null;
}
