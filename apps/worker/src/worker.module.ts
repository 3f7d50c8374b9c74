import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@config';
import { PlatformModule } from '@lib/platform';
import { CONTEXT_MODULES } from '../../contexts.js';

/** The outbox relay, event consumers and job processors; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot({ config, http: false, worker: true }), ...CONTEXT_MODULES],
    };
  }
}
