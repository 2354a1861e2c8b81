-- Booking: bookings with their price breakdown and lifecycle, the transition timeline,
-- realtor blocks, and the links from the occupancy relation (V2) to both.

create table bookings (
    id                  uuid           primary key,
    listing_id          bigint         not null references listings (id),
    owner_id            bigint         not null,
    guest_id            bigint         not null,
    status              text           not null check (status in ('HOLD', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
    check_in            date           not null,
    check_out           date           not null check (check_out > check_in),
    guests              smallint       not null check (guests between 1 and 100),
    guest_name          text           not null,
    guest_phone         text           not null,
    guest_email         text,
    comment             text,
    rules_accepted_at   timestamptz    not null,
    nightly             jsonb          not null,
    subtotal            numeric(14, 2) not null,
    discounts           numeric(14, 2) not null,
    total               numeric(14, 2) not null check (total >= 0),
    currency            char(3)        not null,
    commission_percent  numeric(5, 2)  not null,
    platform_commission numeric(14, 2) not null,
    gateway_fee_percent numeric(5, 2)  not null,
    gateway_fee         numeric(14, 2) not null,
    hold_expires_at     timestamptz    not null,
    created_at          timestamptz    not null,
    confirmed_at        timestamptz,
    checked_in_at       timestamptz,
    completed_at        timestamptz,
    cancelled_at        timestamptz,
    expired_at          timestamptz,
    cancelled_by        text           check (cancelled_by in ('GUEST', 'REALTOR', 'AGENCY', 'PLATFORM')),
    cancel_reason       text,
    cancel_note         text,
    refund_percent      numeric(5, 2),
    refund_due          numeric(14, 2),
    payment_ref         text,
    idempotency_key     text,
    request_hash        text,
    unique (guest_id, idempotency_key)
);

create index bookings_guest_idx on bookings (guest_id, created_at desc);
create index bookings_listing_idx on bookings (listing_id, check_in);
create index bookings_owner_idx on bookings (owner_id, check_in);
create index bookings_due_holds_idx on bookings (hold_expires_at) where status = 'HOLD';

-- Every status change of a booking: who, when, from, to, why.
create table booking_transitions (
    id          bigserial   primary key,
    booking_id  uuid        not null references bookings (id),
    at          timestamptz not null,
    actor_type  text        not null check (actor_type in ('GUEST', 'REALTOR', 'AGENCY', 'PLATFORM', 'SYSTEM', 'PAYMENT')),
    actor_id    bigint,
    from_status text,
    to_status   text        not null,
    reason      text,
    note        text
);

create index booking_transitions_booking_idx on booking_transitions (booking_id, at, id);

-- Dates a realtor closed for booking. While active (removed_at is null) it has an occupancy row.
create table listing_blocks (
    id         bigserial   primary key,
    listing_id bigint      not null references listings (id),
    period     daterange   not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
    reason     text        not null check (reason in ('MAINTENANCE', 'REPAIR', 'PERSONAL_USE', 'OTHER')),
    note       text,
    created_by bigint      not null,
    created_at timestamptz not null,
    removed_by bigint,
    removed_at timestamptz
);

create index listing_blocks_listing_idx on listing_blocks (listing_id, lower(period));

alter table occupancies
    add constraint occupancies_booking_fk foreign key (booking_id) references bookings (id),
    add constraint occupancies_block_fk foreign key (block_id) references listing_blocks (id);
