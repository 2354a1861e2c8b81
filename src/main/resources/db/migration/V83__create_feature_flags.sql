-- Feature flags (issue 18): a flag is on for everyone (enabled), or for the roles, the
-- listed users and agencies, and a stable percentage of users it names. Owned by the flags
-- module; evaluated in one place (FeatureFlags.isOn) from a copy on each node.
create table feature_flags (
    key         text        primary key check (key ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    description text        not null default '' check (length(description) <= 500),
    enabled     boolean     not null default false,
    roles       text[]      not null default '{}',
    percentage  integer     not null default 0 check (percentage between 0 and 100),
    user_ids    bigint[]    not null default '{}',
    agency_ids  bigint[]    not null default '{}',
    version     bigint      not null default 1,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    updated_by  bigint
);

-- The version of the flags every node's copy is labelled with (the scheme of ADR 0006 and
-- cache_versions, in a table of this module): bumped by a statement trigger on every
-- change of feature_flags, truncate included. A node reads the version before the flags,
-- in the same transaction, and serves its copy only while the version is unchanged. The
-- generation changes when the row is made again (after a truncate of this table), so a
-- restarted count never matches an old label.
create table feature_flag_versions (
    name       text   primary key,
    generation uuid   not null default gen_random_uuid(),
    version    bigint not null default 0
);
insert into feature_flag_versions (name) values ('feature_flags');

create function bump_feature_flag_version() returns trigger
    language plpgsql as $$
begin
    insert into feature_flag_versions (name) values ('feature_flags')
    on conflict (name) do update set version = feature_flag_versions.version + 1;
    return null;
end
$$;

create trigger feature_flags_changed after insert or update or delete or truncate on feature_flags
    for each statement execute function bump_feature_flag_version();
