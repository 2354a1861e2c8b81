-- Daily metrics (module admin, docs/platform.md "Daily metrics"): one row per day in
-- Astana time, written by the daily job or a recompute (an upsert, so two writers at once
-- leave one row and a recompute of an unchanged day leaves the same figures).
create table daily_metrics (
    day                     date          primary key,
    computed_at             timestamptz   not null,
    -- bookings made that day, by their status when computed
    bookings_made           integer       not null check (bookings_made >= 0),
    bookings_by_status      jsonb         not null,
    -- from the ledger: entries booked that day
    paid_bookings           integer       not null check (paid_bookings >= 0),
    revenue                 numeric(14, 2) not null,
    refunds                 numeric(14, 2) not null,
    commission              numeric(14, 2) not null,
    -- the night of that day: listings active then, and those booked
    booked_nights           integer       not null check (booked_nights >= 0),
    available_nights        integer       not null check (available_nights >= 0),
    occupancy_percent       numeric(5, 1) not null,
    new_users               integer       not null check (new_users >= 0),
    new_listings            integer       not null check (new_listings >= 0),
    cancellations           integer       not null check (cancellations >= 0),
    cancellations_by_reason jsonb         not null,
    reviews                 integer       not null check (reviews >= 0),
    average_rating          numeric(3, 2) not null,
    messages_sent           integer       not null check (messages_sent >= 0),
    messages_failed         integer       not null check (messages_failed >= 0),
    feedback_requests       integer       not null check (feedback_requests >= 0),
    feedback_rated          integer       not null check (feedback_rated >= 0),
    feedback_rate_percent   numeric(5, 1) not null
);
