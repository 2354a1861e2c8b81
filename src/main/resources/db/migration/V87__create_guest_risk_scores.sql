-- Guest risk scores (issue 18 item 4; docs/platform.md "Scores"). Owner: trust.
-- One row per guest, recalculated after the events that change it; reasons are the terms
-- above zero as FACTOR=points pairs separated by commas (e.g. CANCELLATIONS=22.50,FEW_STAYS=10.00).
create table guest_risk_scores (
    guest_id      bigint      primary key references users (id),
    score         smallint    not null check (score between 0 and 100),
    level         text        not null check (level in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    reasons       text        not null default '',
    computed_at   timestamptz not null
);
