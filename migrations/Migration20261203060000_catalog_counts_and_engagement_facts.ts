import { Migration } from '@mikro-orm/migrations';

/**
 * Studio's copy of views, likes and trending scores for the catalog (each with its own ordering
 * guard); insights' published view counts and its engagement rollup columns; comment like counts.
 */
export class Migration20261203060000_catalog_counts_and_engagement_facts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table studio.catalog_counts (
        video_id uuid primary key,
        views bigint not null default 0,
        views_counted_at timestamptz null,
        likes bigint not null default 0,
        likes_version integer not null default 0,
        trending double precision not null default 0,
        trending_computed_at timestamptz null,
        revision integer not null default 0
      );`);
    this.addSql(`
      create table insights.view_count_batches (
        id uuid primary key,
        counted_at timestamptz not null,
        counts jsonb not null,
        version integer not null default 1
      );`);
    this.addSql(`
      alter table insights.rollups
        add column likes integer not null default 0,
        add column comments integer not null default 0,
        add column ratings integer not null default 0;`);
    this.addSql(`alter table engagement.comments add column like_count integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table engagement.comments drop column like_count;`);
    this.addSql(`alter table insights.rollups drop column likes, drop column comments, drop column ratings;`);
    this.addSql(`drop table insights.view_count_batches;`);
    this.addSql(`drop table studio.catalog_counts;`);
  }
}
