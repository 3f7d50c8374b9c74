import { AggregateRoot, newId } from '@lib/platform/ddd';
import { normalizeDisplayName, normalizeEmail, normalizeHandle } from './profile-values.js';
import { ROLES, type Role } from './role.js';
import { EmailAddressChangedError } from './user.errors.js';
import {
  UserEmailVerified,
  UserProfileChanged,
  UserRegistered,
  UserRolesChanged,
  type ProfileField,
} from './user.events.js';

export interface ProfileChanges {
  handle?: string;
  displayName?: string;
  bio?: string | null;
  avatarUrl?: string | null;
}

/** A person with an account: credentials, public profile and roles. */
export class User extends AggregateRoot {
  readonly id: string;
  email: string;
  /** When the owner proved they read mail sent to `email`; null until then. */
  emailVerifiedAt: Date | null = null;
  handle: string;
  displayName: string;
  bio: string | null = null;
  avatarUrl: string | null = null;
  roles: Role[];
  passwordHash: string;
  readonly createdAt: Date;
  updatedAt: Date;

  private constructor(props: {
    id: string;
    email: string;
    handle: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
  }) {
    super();
    this.id = props.id;
    this.email = props.email;
    this.handle = props.handle;
    this.displayName = props.displayName;
    this.passwordHash = props.passwordHash;
    this.roles = props.roles;
    this.createdAt = this.updatedAt = new Date();
  }

  static register(props: {
    email: string;
    handle: string;
    displayName: string;
    passwordHash: string;
    roles?: Role[];
    allowReservedHandle?: boolean;
  }): User {
    const user = new User({
      id: newId(),
      email: normalizeEmail(props.email),
      handle: normalizeHandle(props.handle, { allowReserved: props.allowReservedHandle }),
      displayName: normalizeDisplayName(props.displayName),
      passwordHash: props.passwordHash,
      roles: normalizeRoles(props.roles ?? ['member']),
    });
    user.record(new UserRegistered(user.id, user.email, user.handle, user.displayName, user.roles));
    return user;
  }

  /** Applies the given profile fields; records an event only when something really changed. */
  changeProfile(changes: ProfileChanges): ProfileField[] {
    const changed: ProfileField[] = [];
    if (changes.handle !== undefined) {
      const handle = normalizeHandle(changes.handle);
      if (handle !== this.handle) {
        this.handle = handle;
        changed.push('handle');
      }
    }
    if (changes.displayName !== undefined) {
      const displayName = normalizeDisplayName(changes.displayName);
      if (displayName !== this.displayName) {
        this.displayName = displayName;
        changed.push('displayName');
      }
    }
    if (changes.bio !== undefined) {
      const bio = changes.bio?.trim() || null;
      if (bio !== this.bio) {
        this.bio = bio;
        changed.push('bio');
      }
    }
    if (changes.avatarUrl !== undefined && changes.avatarUrl !== this.avatarUrl) {
      this.avatarUrl = changes.avatarUrl;
      changed.push('avatarUrl');
    }
    if (changed.length) {
      this.updatedAt = new Date();
      this.record(new UserProfileChanged(this.id, changed));
    }
    return changed;
  }

  setRoles(roles: Role[]): boolean {
    const next = normalizeRoles(roles);
    if (next.join() === this.roles.join()) return false;
    this.roles = next;
    this.updatedAt = new Date();
    this.record(new UserRolesChanged(this.id, next));
    return true;
  }

  changePasswordHash(passwordHash: string): void {
    this.passwordHash = passwordHash;
    this.updatedAt = new Date();
  }

  /**
   * Marks `email` as proven by a link sent to it. A link sent to an address the account no longer has
   * proves nothing about the current one. Verifying twice changes nothing.
   */
  verifyEmail(email: string): boolean {
    if (email !== this.email) throw new EmailAddressChangedError();
    if (this.emailVerifiedAt) return false;
    this.emailVerifiedAt = this.updatedAt = new Date();
    this.record(new UserEmailVerified(this.id, this.email));
    return true;
  }

  hasVerifiedEmail(): boolean {
    return this.emailVerifiedAt !== null;
  }

  hasRole(role: Role): boolean {
    return this.roles.includes(role);
  }
}

/** Every account is a member; roles are unique and kept in a stable order. */
function normalizeRoles(roles: Role[]): Role[] {
  const wanted = new Set<Role>(['member', ...roles]);
  return ROLES.filter((role) => wanted.has(role));
}
