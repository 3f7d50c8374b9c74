import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { AggregateRoot, DomainEvent } from '../ddd/index.js';
import { IntegrationEventConsumer, type EventConsumer } from './consumer.js';
import { InvalidIntegrationEventError, MessagingConfigurationError, UnknownIntegrationEventError } from './errors.js';
import { IntegrationEvent } from './integration-event.js';
import { MessagingRegistry } from './messaging-registry.js';
import { OutboundEventMap } from './outbound-event-map.js';

class ThingHappenedV1 extends IntegrationEvent {
  static override readonly type = 'things.thing-happened.v1';
  @IsInt() readonly count!: number;
  constructor(payload: ThingHappenedV1) {
    super();
    Object.assign(this, payload);
  }
}

class ThingCount {
  @IsString() readonly thing!: string;
  @IsInt() readonly count!: number;
}

class ThingsCountedV1 extends IntegrationEvent {
  static override readonly type = 'things.things-counted.v1';
  @ValidateNested({ each: true }) @Type(() => ThingCount) readonly counts!: ThingCount[];
  constructor(payload: ThingsCountedV1) {
    super();
    Object.assign(this, payload);
  }
}

class BadlyNamedV1 extends IntegrationEvent {
  static override readonly type = 'NotAType';
}

class ThingHappened extends DomainEvent {
  constructor(readonly aggregateId: string) {
    super();
  }
}

class Thing extends AggregateRoot {
  readonly id = 't1';
}

@IntegrationEventConsumer({ name: 'things.count', on: [ThingHappenedV1] })
class CountThings implements EventConsumer<ThingHappenedV1> {
  async handle(): Promise<void> {}
}

describe('the messaging registry', () => {
  it('stores an event with nested records as JSON that reads back as the same event', () => {
    const registry = new MessagingRegistry();
    registry.register({ publishes: [ThingsCountedV1] });
    registry.seal();
    const counts = [Object.assign(new ThingCount(), { thing: 'a', count: 2 })];
    const { type, payload } = registry.serialize(new ThingsCountedV1({ counts }));
    const stored = JSON.parse(JSON.stringify(payload)) as unknown; // as the outbox row keeps it
    expect(stored).toEqual({ counts: [{ thing: 'a', count: 2 }] });
    const read = registry.deserialize(type, stored) as ThingsCountedV1;
    expect(read.counts[0]).toBeInstanceOf(ThingCount);
    expect(read).toEqual(new ThingsCountedV1({ counts }));
    // A nested record that breaks its rules is refused on the way out, before it reaches the outbox.
    const broken = [Object.assign(new ThingCount(), { thing: 'a', count: 'two' })] as unknown as ThingCount[];
    expect(() => registry.serialize(new ThingsCountedV1({ counts: broken }))).toThrow(InvalidIntegrationEventError);
  });

  it('translates domain events, serialises and validates integration events', () => {
    const registry = new MessagingRegistry();
    registry.register({
      publishes: [ThingHappenedV1],
      outbound: new OutboundEventMap().on(ThingHappened, () => new ThingHappenedV1({ count: 3 })),
      consumers: [CountThings],
    });
    registry.seal();
    const [event] = registry.translate(new ThingHappened('t1'), new Thing());
    expect(registry.serialize(event)).toEqual({ type: 'things.thing-happened.v1', payload: { count: 3 } });
    expect(registry.deserialize('things.thing-happened.v1', { count: 3 })).toBeInstanceOf(ThingHappenedV1);
    expect(() => registry.deserialize('things.thing-happened.v1', { count: 'three' })).toThrow(
      InvalidIntegrationEventError,
    );
    expect(() => registry.deserialize('things.unknown.v1', {})).toThrow(UnknownIntegrationEventError);
    expect(registry.consumersOf('things.thing-happened.v1').map((c) => c.options.name)).toEqual(['things.count']);
    expect(
      registry.translate(
        new (class Internal extends DomainEvent {
          aggregateId = 'x';
        })(),
        new Thing(),
      ),
    ).toEqual([]);
  });

  it('reports every wiring mistake at once, at boot', () => {
    const registry = new MessagingRegistry();
    registry.register({ publishes: [BadlyNamedV1], consumers: [CountThings, CountThings] });
    let error: unknown;
    try {
      registry.seal();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MessagingConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain("BadlyNamedV1 needs a static type like '<context>.<fact>.v1'");
    expect(message).toContain("two consumers are named 'things.count'");
    expect(message).toContain(
      "consumer 'things.count' listens to 'things.thing-happened.v1', which no context publishes",
    );
  });

  it('refuses to serialise an event type nobody registered', () => {
    const registry = new MessagingRegistry();
    registry.seal();
    expect(() => registry.serialize(new ThingHappenedV1({ count: 1 }))).toThrow(UnknownIntegrationEventError);
  });
});
