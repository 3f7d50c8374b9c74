import { IsInt } from 'class-validator';
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
