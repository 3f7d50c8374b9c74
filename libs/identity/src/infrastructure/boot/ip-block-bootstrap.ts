import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ProcessRole, inRequestContext } from '@lib/platform';
import { IpBlockPublication } from '../../application/ip-block-publication.js';

/** The database holds the list; an API node starting republishes it, so a flushed Redis never lets blocked ranges back in. */
@Injectable()
export class IpBlockBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly publication: IpBlockPublication,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.http) return;
    await inRequestContext(this.orm.em, () => this.publication.publish());
  }
}
