import { Injectable } from '@nestjs/common';
import { DeliveryState } from '../ads-ports.js';
import { LiveCatalog } from './live-catalog.js';

/** An admin changed what may be served: this node drops its set now, the others on the version bump. */
@Injectable()
export class CatalogChanges {
  constructor(
    private readonly live: LiveCatalog,
    private readonly state: DeliveryState,
  ) {}

  async announce(): Promise<void> {
    this.live.invalidate();
    await this.state.bumpCatalogVersion();
  }
}
