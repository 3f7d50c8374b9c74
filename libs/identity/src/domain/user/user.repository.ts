import type { User } from './user.js';

export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findByHandle(handle: string): Promise<User | null>;
  abstract countAdmins(): Promise<number>;
  /** Users in creation order, after the given id (keyset paging). */
  abstract page(limit: number, afterId?: string): Promise<User[]>;
  /** Saves new or changed users (and their recorded events) in one transaction. */
  abstract save(user: User): Promise<void>;
}
