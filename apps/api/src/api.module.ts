import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@config';
import { PlatformModule } from '@lib/platform';
import { CONTEXT_MODULES } from '../../contexts.js';

/** HTTP, OpenAPI and sockets; no job processing. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot({ config, http: true, worker: false }), ...CONTEXT_MODULES],
    };
  }
}
