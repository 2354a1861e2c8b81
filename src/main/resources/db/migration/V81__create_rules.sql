-- The rule engine (module rules, docs/platform.md#rules): rules stored as JSON and validated
-- on save; every run of a rule on an event and of each of its actions is one row of
-- rule_executions, unique per (rule, event, action), so two nodes or a restart never run an
-- action twice; tags and admin attention requests the actions leave.
create table rules (
    id           bigserial   primary key,
    name         text        not null check (length(name) between 1 and 100),
    trigger_type text        not null,
    enabled      boolean     not null default true,
    definition   jsonb       not null,
    version      integer     not null default 1,
    created_by   bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    deleted_at   timestamptz
);

create index rules_trigger_idx on rules (trigger_type, id) where deleted_at is null and enabled;

-- action_index -1 is the evaluation of the conditions (MATCHED / NOT_MATCHED); 0.. are the
-- actions. The row is claimed (RUNNING) before the action runs and never claimed again.
create table rule_executions (
    id           bigserial   primary key,
    rule_id      bigint      not null references rules (id),
    event_id     bigint      not null,
    action_index integer     not null check (action_index >= -1),
    action_type  text        not null,
    outcome      text        not null check (outcome in ('RUNNING', 'MATCHED', 'NOT_MATCHED', 'DONE', 'REFUSED', 'FAILED')),
    detail       text,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    unique (rule_id, event_id, action_index)
);

create index rule_executions_rule_idx on rule_executions (rule_id, id desc);

create index rule_executions_event_idx on rule_executions (event_id);

create table rule_tags (
    id           bigserial   primary key,
    subject_type text        not null check (subject_type in ('user', 'listing', 'booking')),
    subject_id   text        not null,
    tag          text        not null,
    rule_id      bigint      not null references rules (id),
    event_id     bigint      not null,
    created_at   timestamptz not null,
    unique (subject_type, subject_id, tag)
);

create table rule_attention (
    id           bigserial   primary key,
    rule_id      bigint      not null references rules (id),
    event_id     bigint      not null,
    subject_type text        not null,
    subject_id   text        not null,
    note         text        not null,
    created_at   timestamptz not null,
    resolved_at  timestamptz,
    resolved_by  bigint,
    unique (rule_id, event_id)
);

create index rule_attention_open_idx on rule_attention (created_at, id) where resolved_at is null;
