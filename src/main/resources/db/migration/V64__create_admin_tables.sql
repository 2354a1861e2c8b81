-- Administration (module admin, docs/admin.md).

-- Monthly reports: one per month and audience (the platform, or one agency), claimed by the
-- node that inserts the row first, so two nodes never send a month twice. The PDF stays here
-- to be downloaded again.
create table monthly_reports (
    id           bigserial   primary key,
    month        date        not null check (extract(day from month) = 1),
    agency_id    bigint      references agencies (id),
    created_at   timestamptz not null,
    file_name    text        not null,
    pdf          bytea,
    finished_at  timestamptz,
    recipients   integer     not null default 0
);

create unique index monthly_reports_once on monthly_reports (month, coalesce(agency_id, 0));

create index monthly_reports_agency_idx on monthly_reports (agency_id, month desc, id desc);

-- A person closed a flagged payment's case (same columns as the Kaspi payment queue's).
alter table payments
    add column if not exists review_resolved_at timestamptz,
    add column if not exists review_resolved_by bigint,
    add column if not exists review_note        text;
