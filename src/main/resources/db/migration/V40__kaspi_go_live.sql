-- Kaspi go-live (docs/payments.md): QR expiry, late checks of closed payments, remote
-- invoices as payments of their own, payments in doubt (UNKNOWN), refunds done by hand in
-- the Kaspi cabinet, and the daily reconciliation with Kaspi.

-- UNKNOWN: Kaspi answered a status word we do not know, or nothing final for max-pending.
-- It no longer blocks the guest's retry (not PENDING) but is still checked and in the queue.
alter table payments drop constraint payments_status_check;
alter table payments add constraint payments_status_check
    check (status in ('PENDING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'PARTIALLY_REFUNDED',
                      'UNKNOWN'));

alter table payments
    -- when the QR / link stops taking payments (Kaspi's ExpireDate)
    add column qr_expires_at      timestamptz,
    -- a closed (EXPIRED) or UNKNOWN payment is still asked about, slowly, until then
    add column late_check_until   timestamptz,
    -- a remote invoice sent to the guest's Kaspi phone next to this checkout payment
    add column parent_payment_id  uuid references payments (id),
    -- a person looked at a flagged / UNKNOWN payment and closed the case
    add column review_resolved_at timestamptz,
    add column review_resolved_by bigint,
    add column review_note        text;

-- One checkout payment in flight per booking; a remote invoice runs next to it.
drop index payments_one_pending_per_booking;
create unique index payments_one_pending_per_booking on payments (booking_id)
    where status = 'PENDING' and parent_payment_id is null;

-- Polling covers PENDING payments and the late checks of closed / UNKNOWN ones.
drop index payments_due_poll_idx;
create index payments_due_poll_idx on payments (poll_after, id) where poll_after is not null;

create index payments_in_doubt_idx on payments (created_at, id)
    where review_resolved_at is null and (review_reason is not null or status = 'UNKNOWN');

-- MANUAL: the contract cannot refund by API (kaspi.refunds = by-hand): a person refunds in
-- the Kaspi cabinet and marks it here. settled_by: who marked a refund done by hand.
alter table refunds drop constraint refunds_status_check;
alter table refunds add constraint refunds_status_check
    check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'MANUAL'));
alter table refunds
    add column settled_by   bigint,
    add column settled_note text;

create index refunds_to_do_idx on refunds (created_at, id) where status in ('FAILED', 'MANUAL');

-- The daily reconciliation with Kaspi: one run per day (the unique day makes it cluster-safe)
-- and every difference it found, until a person resolves it.
create table payment_reconciliations (
    id          bigserial   primary key,
    day         date        not null unique,
    provider    text        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    checked     integer     not null default 0,
    differences integer     not null default 0,
    unchecked   integer     not null default 0
);

create table payment_differences (
    id                bigserial   primary key,
    reconciliation_id bigint      not null references payment_reconciliations (id),
    payment_id        uuid        not null references payments (id),
    kind              text        not null,
    ours              text        not null,
    theirs            text        not null,
    found_at          timestamptz not null,
    resolved_at       timestamptz,
    resolved_by       bigint,
    note              text,
    unique (reconciliation_id, payment_id, kind)
);

create index payment_differences_open_idx on payment_differences (found_at, id) where resolved_at is null;
