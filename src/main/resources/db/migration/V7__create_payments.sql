-- Payments: payment sessions at a provider, the raw provider events (stored once), refunds
-- with their retry state, the commissions ledger, and the sandbox provider's own state.

create table payments (
    id                  uuid           primary key,
    booking_id          uuid           not null references bookings (id),
    guest_id            bigint         not null,
    provider            text           not null,
    status              text           not null check (status in ('PENDING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED',
                                                                   'REFUNDED', 'PARTIALLY_REFUNDED')),
    amount              numeric(14, 2) not null check (amount > 0),
    currency            char(3)        not null,
    provider_payment_id text,
    redirect_url        text,
    qr_payload          text,
    idempotency_key     text           not null,
    poll_after          timestamptz,
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null,
    paid_amount         numeric(14, 2),
    paid_at             timestamptz,
    closed_at           timestamptz,
    failure_reason      text,
    unique (booking_id, guest_id, idempotency_key),
    unique (provider, provider_payment_id)
);

-- A booking has at most one payment in flight: the guest retries only after it failed.
create unique index payments_one_pending_per_booking on payments (booking_id) where status = 'PENDING';
create index payments_due_poll_idx on payments (poll_after) where status = 'PENDING';
create index payments_booking_idx on payments (booking_id, created_at desc);

-- Every callback as it arrived. A provider event is stored once: a replay changes nothing.
-- Callbacks with a bad signature are kept for audit without an event id (never processed).
create table payment_events (
    id                bigserial   primary key,
    provider          text        not null,
    provider_event_id text,
    payment_id        uuid        references payments (id),
    event_type        text,
    raw_body          text        not null,
    signature_valid   boolean     not null,
    received_at       timestamptz not null,
    processed_at      timestamptz,
    unique (provider, provider_event_id)
);

-- Money going back. CANCELLATION: what the cancellation policy decided (one per booking);
-- AUTOMATIC: a payment that could not confirm its booking goes back in full (one per payment).
create table refunds (
    id                 uuid           primary key,
    payment_id         uuid           not null references payments (id),
    booking_id         uuid           not null references bookings (id),
    kind               text           not null check (kind in ('CANCELLATION', 'AUTOMATIC')),
    reason             text,
    amount             numeric(14, 2) not null check (amount > 0),
    currency           char(3)        not null,
    status             text           not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_refund_id text,
    attempts           integer        not null default 0,
    next_attempt_at    timestamptz,
    last_error         text,
    created_at         timestamptz    not null,
    completed_at       timestamptz
);

create unique index refunds_one_per_cancellation on refunds (booking_id) where kind = 'CANCELLATION';
create unique index refunds_one_automatic_per_payment on refunds (payment_id) where kind = 'AUTOMATIC';
create index refunds_due_idx on refunds (next_attempt_at) where status = 'PENDING';

-- The commissions ledger: one set of entries per confirmed booking, reversing entries per
-- refund. Amounts are signed (reversals negative). The unique index makes booking the same
-- entries twice impossible.
create table ledger_entries (
    id         bigserial      primary key,
    booking_id uuid           not null references bookings (id),
    payment_id uuid           not null references payments (id),
    refund_id  uuid           references refunds (id),
    owner_id   bigint         not null,
    entry_type text           not null check (entry_type in ('GROSS', 'PLATFORM_COMMISSION', 'GATEWAY_FEE',
                                                             'REALTOR_PAYOUT', 'GROSS_REVERSAL',
                                                             'PLATFORM_COMMISSION_REVERSAL', 'GATEWAY_FEE_REVERSAL',
                                                             'REALTOR_PAYOUT_REVERSAL')),
    amount     numeric(14, 2) not null,
    currency   char(3)        not null,
    created_at timestamptz    not null
);

create unique index ledger_entries_once on ledger_entries
    (booking_id, entry_type, coalesce(refund_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index ledger_entries_owner_idx on ledger_entries (owner_id, created_at);

-- The sandbox provider's side of a payment (what a real provider keeps on its servers), so
-- the sandbox answers status queries and refunds consistently on every app node.
create table sandbox_provider_payments (
    provider_payment_id        text           primary key,
    payment_id                 uuid           not null unique,
    amount                     numeric(14, 2) not null,
    currency                   char(3)        not null,
    description                text           not null,
    return_url                 text           not null,
    status                     text           not null check (status in ('PENDING', 'PAID', 'FAILED', 'CANCELLED',
                                                                          'EXPIRED')),
    refunded                   numeric(14, 2) not null default 0,
    refund_failures_to_simulate integer       not null default 0,
    created_at                 timestamptz    not null,
    expires_at                 timestamptz    not null,
    completed_at               timestamptz
);
