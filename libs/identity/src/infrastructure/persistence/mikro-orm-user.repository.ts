import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { EmailAlreadyTakenError, HandleAlreadyTakenError } from '../../domain/user/user.errors.js';
import { User } from '../../domain/user/user.js';
import { UserRepository } from '../../domain/user/user.repository.js';

@Injectable()
export class MikroOrmUserRepository extends UserRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findById(id: string): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email: email.toLowerCase() });
  }

  findByHandle(handle: string): Promise<User | null> {
    return this.em.findOne(User, { handle: handle.toLowerCase() });
  }

  countAdmins(): Promise<number> {
    return this.em.count(User, { roles: { $contains: ['admin'] } });
  }

  page(limit: number, afterId?: string): Promise<User[]> {
    return this.em.find(User, afterId ? { id: { $gt: afterId } } : {}, { orderBy: { id: 'asc' }, limit });
  }

  async save(user: User): Promise<void> {
    this.em.persist(user);
    try {
      await this.em.flush();
    } catch (error) {
      // Two registrations racing past the look-ups meet here, on the unique indexes.
      if (error instanceof UniqueConstraintViolationException) {
        if (String(error.message).includes('users_email_key')) throw new EmailAlreadyTakenError();
        if (String(error.message).includes('users_handle_key')) throw new HandleAlreadyTakenError(user.handle);
      }
      throw error;
    }
  }
}
