-- The offline evaluation's videos.csv from studio's published videos:
--   psql "$DATABASE_URL" -q -f docs/recommendations/export-videos.sql > videos.csv
copy (
  select v.id as video_id, c.owner_id as creator_id, v.category, v.language,
         array_to_string(v.tags, '|') as tags, v.series_id, v.duration_seconds,
         to_char(v.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
         v.title, v.description
    from studio.videos v
    join studio.channels c on c.id = v.channel_id
   where v.state = 'published' and v.published_at is not null
   order by v.published_at
) to stdout with (format csv, header);
