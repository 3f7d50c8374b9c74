import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@config';
import { PlatformModule } from '@lib/platform';
import { CONTEXT_MODULES } from '../../contexts.js';

/** API and worker in one process: the laptop and small-deployment shape. */
@Module({})
export class StandaloneModule {
  static forRoot(config: AppConfig, extra: DynamicModule[] = []): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [PlatformModule.forRoot({ config, http: true, worker: true }), ...CONTEXT_MODULES, ...extra],
    };
  }
}
