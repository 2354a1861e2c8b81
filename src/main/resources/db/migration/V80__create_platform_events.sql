-- Platform events (module events, docs/platform.md): one row per domain change, written in
-- the changing transaction. Append-only: a trigger refuses UPDATE and DELETE. The event
-- key (the source event's natural key, e.g. "booking.confirmed:<booking id>") makes
-- recording idempotent: a retried or redelivered change finds its row and adds nothing.
create table platform_events (
    id           bigserial   primary key,
    event_key    text        not null unique,
    type         text        not null check (type ~ '^[a-z_]+(\.[a-z_]+)+$'),
    actor_id     bigint,
    subject_type text        not null,
    subject_id   text        not null,
    payload      jsonb       not null default '{}'::jsonb,
    occurred_at  timestamptz not null
);

create index platform_events_type_idx on platform_events (type, occurred_at desc, id desc);

create index platform_events_subject_idx on platform_events (subject_type, subject_id, occurred_at, id);

create index platform_events_time_idx on platform_events (occurred_at desc, id desc);

create function platform_events_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'platform_events is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;

create trigger platform_events_append_only
    before update or delete on platform_events
    for each row execute function platform_events_append_only();
