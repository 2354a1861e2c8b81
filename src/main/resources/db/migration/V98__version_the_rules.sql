-- Which event types have enabled rules, cached per app node and labelled with a version of
-- the rules table (the scheme of cache_versions and feature_flag_versions): a statement
-- trigger bumps it on every change of rules, truncate included; the generation changes when
-- the row is made again, so a restarted count never matches an old label.
--
-- An event's transaction reads the version FOR KEY SHARE before it decides whether the rule
-- engine must see the event; a change of rules takes the row FOR UPDATE first, which waits
-- for those transactions and makes them wait. So a rule change either commits before an
-- event's decision (which then sees it) or after the event committed — never in between.
create table rule_versions (
    name       text   primary key,
    generation uuid   not null default gen_random_uuid(),
    version    bigint not null default 0
);
insert into rule_versions (name) values ('rules');

create function bump_rule_version() returns trigger
    language plpgsql as $$
begin
    perform 1 from rule_versions where name = 'rules' for update;
    insert into rule_versions (name) values ('rules')
    on conflict (name) do update set version = rule_versions.version + 1;
    return null;
end
$$;

create trigger rules_changed after insert or update or delete or truncate on rules
    for each statement execute function bump_rule_version();
