-- The offline evaluation's interactions.csv from insights' events: signed-in people's domain facts, and
-- anonymous viewers' player events (POST /v1/events) under their session key `s:<sessionId>`:
--   psql "$DATABASE_URL" -q -v days=90 -f docs/recommendations/export-interactions.sql > interactions.csv
-- Columns and kinds: libs/engagement/README.md "Offline evaluation". The last 90 days unless -v days=N.
\if :{?days}
\else
  \set days 90
\endif
copy (
  with facts as (
    select user_id::text as person_id, video_id::text as video_id, name, properties, watch_seconds,
           coalesce(creator_id, channel_id)::text as creator_id, occurred_at
      from insights.events
     where source = 'domain' and user_id is not null
       and occurred_at >= now() - make_interval(days => :days)
  ),
  -- Signed-in people's player events repeat their domain facts: only anonymous sessions' are taken.
  players as (
    select viewer_key as person_id, video_id::text as video_id, name, watch_seconds, occurred_at
      from insights.events
     where source = 'client' and user_id is null and viewer_key is not null and video_id is not null
       and name in ('video_progress', 'video_complete')
       and occurred_at >= now() - make_interval(days => :days)
  ),
  watched as (
    -- One watch_time row per person and video (seconds summed), and a view once past 30 seconds.
    select person_id, video_id, sum(watch_seconds) as seconds, min(occurred_at) as first_at, max(occurred_at) as last_at
      from (select person_id, video_id, watch_seconds, occurred_at from facts where name = 'watch_time'
            union all
            select person_id, video_id, watch_seconds, occurred_at from players where name = 'video_progress') watching
     where video_id is not null
     group by 1, 2
  ),
  rows as (
    -- A like later withdrawn is left out.
    select person_id, video_id, 'like' as kind, 1::numeric as value, occurred_at as at, null as creator_id
      from facts f
     where name = 'like' and not exists (
       select 1 from facts u
        where u.name = 'unlike' and u.person_id = f.person_id and u.video_id = f.video_id and u.occurred_at > f.occurred_at)
    union all select person_id, video_id, 'rating', (properties->>'stars')::numeric, occurred_at, null from facts where name = 'rating'
    union all select person_id, video_id, 'completion', 1, occurred_at, null from facts where name = 'completion'
    union all select person_id, video_id, 'completion', 1, occurred_at, null from players where name = 'video_complete'
    union all select person_id, video_id, 'comment', 1, occurred_at, null from facts where name = 'comment'
    union all select person_id, video_id, 'watch_time', seconds, last_at, null from watched
    union all select person_id, video_id, 'view', 1, first_at, null from watched where seconds >= 30
    union all select person_id, null, 'follow', 1, occurred_at, creator_id from facts where name = 'follow'
  )
  select person_id, video_id, kind, value,
         to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, creator_id
    from rows
   order by rows.at, person_id, video_id, kind
) to stdout with (format csv, header);
