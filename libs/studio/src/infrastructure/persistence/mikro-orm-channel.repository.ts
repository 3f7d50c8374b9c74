import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Channel, ChannelRepository } from '../../domain/channel/channel.js';

@Injectable()
export class MikroOrmChannelRepository extends ChannelRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byId(id: string) {
    return this.em.findOne(Channel, { id });
  }
  add(channel: Channel) {
    this.em.persist(channel);
  }
}
