import { Query } from '@nestjs/cqrs';
import type { IpBlockView } from '../../views.js';

export class ListIpBlocksQuery extends Query<{ items: IpBlockView[] }> {}
