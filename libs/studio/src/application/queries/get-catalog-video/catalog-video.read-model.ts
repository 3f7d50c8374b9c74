import type { CatalogFacts } from '../../catalog/catalog-index.js';
import type { AssetStills } from '../../media/media-ports.js';
import type { VideoRestriction } from '../../moderation/content-restrictions.js';

/** A published video as its public page shows it, with what decides whether it may be shown. */
export interface CatalogVideoRecord {
  id: string;
  /** What the catalog document is built from (`catalogDocument`), read from the tables, not from the index. */
  facts: CatalogFacts;
  /** Trust & safety's restriction in force, as `ContentRestrictions.restrictionOf` answers it. */
  restriction: VideoRestriction | null;
  /** Null without an asset (or when the asset row is gone). */
  stills: AssetStills | null;
  captions: { language: string; label: string }[];
}

/** Port: the catalog's video page in one read (implemented in infrastructure/persistence). */
export abstract class CatalogVideoReadModel {
  /** The video when it is published (restricted or not), else null. */
  abstract published(videoId: string): Promise<CatalogVideoRecord | null>;
}
