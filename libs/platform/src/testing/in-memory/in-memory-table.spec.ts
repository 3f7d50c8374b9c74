import { AggregateRoot } from '../../ddd/aggregate-root.js';
import { DomainEvent } from '../../ddd/domain-event.js';
import { InMemoryTable, InMemoryUniqueViolation } from './in-memory-table.js';
import { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';

class Renamed extends DomainEvent {
  constructor(readonly aggregateId: string) {
    super();
  }
}

class Account extends AggregateRoot {
  constructor(
    readonly id: string,
    public handle: string,
  ) {
    super();
  }
  rename(handle: string): void {
    this.handle = handle;
    this.record(new Renamed(this.id));
  }
  announceWithoutChange(): void {
    this.record(new Renamed(this.id));
  }
}

describe('in-memory tables behave like the stored ones', () => {
  const setUp = () => {
    const accounts = new InMemoryTable<Account>('accounts', {
      id: (account) => account.id,
      handle: (account) => account.handle,
    });
    return { accounts, unitOfWork: new InMemoryUnitOfWork([accounts]) };
  };

  it('saves a new row at version 1 and bumps the version once per committed change', async () => {
    const { accounts, unitOfWork } = setUp();
    const account = new Account('a1', 'ada');
    await unitOfWork.transactional(async () => accounts.insert(account));
    expect(account.version).toBe(1);

    await unitOfWork.transactional(async () => account.rename('ada2'));
    await unitOfWork.transactional(async () => undefined);

    expect(account.version).toBe(2);
    expect(unitOfWork.publishedOf(Renamed)).toHaveLength(1);
  });

  it('refuses a second row with the same unique key, at insert or at commit', async () => {
    const { accounts, unitOfWork } = setUp();
    await unitOfWork.transactional(async () => accounts.insert(new Account('a1', 'ada')));
    const second = new Account('a2', 'bob');
    await unitOfWork.transactional(async () => accounts.insert(second));

    expect(() => accounts.insert(new Account('a3', 'ada'))).toThrow(InMemoryUniqueViolation);
    await expect(unitOfWork.transactional(async () => (second.handle = 'ada'))).rejects.toThrow(
      InMemoryUniqueViolation,
    );
    expect(second.handle).toBe('bob');
  });

  it('rolls a failed transaction back: new rows vanish, changes are undone, events are not published', async () => {
    const { accounts, unitOfWork } = setUp();
    const account = new Account('a1', 'ada');
    await unitOfWork.transactional(async () => accounts.insert(account));

    await expect(
      unitOfWork.transactional(async () => {
        account.rename('grace');
        accounts.insert(new Account('a2', 'bob'));
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');

    expect(account).toMatchObject({ handle: 'ada', version: 1 });
    expect(accounts.all()).toEqual([account]);
    expect(unitOfWork.published).toEqual([]);
  });

  it('fails the commit of an event recorded without any persisted change, as the real flush does', async () => {
    const { accounts, unitOfWork } = setUp();
    const account = new Account('a1', 'ada');
    await unitOfWork.transactional(async () => accounts.insert(account));

    await expect(unitOfWork.transactional(async () => account.announceWithoutChange())).rejects.toThrow(
      'without changing a persisted field',
    );
  });
});
