-- Channel (docs/integrations.md). Owner: channel.

-- A connection: another booking system that sends its bookings of some of our listings by
-- signed webhooks. The signing secret is shown once; stored only as an AES-256-GCM ciphertext
-- (identity's key, see docs/security.md).
create table channel_connections (
    id                 uuid        primary key,
    name               text        not null check (length(name) between 1 and 100),
    created_by         bigint      not null references users (id),
    secret_ciphertext  text        not null,
    secret_key_version int         not null,
    created_at         timestamptz not null,
    revoked_at         timestamptz
);

create index channel_connections_creator_idx on channel_connections (created_by, created_at desc, id);

-- The listings a connection may book; external_id is the sender's own id of the listing.
create table channel_connection_listings (
    connection_id uuid   not null references channel_connections (id),
    listing_id    bigint not null references listings (id),
    external_id   text   check (external_id is null or length(external_id) between 1 and 200),
    primary key (connection_id, listing_id)
);

create unique index channel_connection_listings_external_uq
    on channel_connection_listings (connection_id, external_id) where external_id is not null;

-- Where each external booking (the sender's externalId) stands: the newest event applied, so
-- that older or repeated events change nothing. A cancellation is final for the externalId.
create table channel_stays (
    connection_id uuid        not null references channel_connections (id),
    external_id   text        not null check (length(external_id) between 1 and 200),
    booking_id    uuid        references bookings (id),
    state         text        not null check (state in ('ACTIVE', 'CANCELLED')),
    last_event    text        not null,
    last_event_at timestamptz not null,
    updated_at    timestamptz not null,
    primary key (connection_id, external_id)
);

create unique index channel_stays_booking_uq on channel_stays (booking_id) where booking_id is not null;

-- Every verified delivery, once (dedup_key: the sender's eventId or the SHA-256 of the body).
create table channel_webhook_events (
    id            bigint generated always as identity primary key,
    connection_id uuid        not null references channel_connections (id),
    dedup_key     text        not null,
    event         text        not null,
    external_id   text        not null,
    occurred_at   timestamptz not null,
    received_at   timestamptz not null,
    outcome       text        not null check (outcome in ('APPLIED', 'UNCHANGED', 'STALE')),
    booking_id    uuid,
    request_id    text,
    unique (connection_id, dedup_key)
);

create index channel_webhook_events_connection_idx on channel_webhook_events (connection_id, received_at desc, id desc);

-- Guests who came from outside: the account was found by phone / e-mail (created = false) or
-- made for them (created = true: no usable password; messages by e-mail and WhatsApp carry a
-- one-tap Telegram link until they link Telegram).
create table channel_guests (
    user_id    bigint      primary key references users (id),
    created    boolean     not null,
    source     text        not null,
    created_at timestamptz not null
);

-- One-tap Telegram links (t.me/<bot>?start=g-<token>): SHA-256 of the token, single use.
create table channel_guest_links (
    token_hash text        primary key,
    user_id    bigint      not null references users (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create index channel_guest_links_user_idx on channel_guest_links (user_id, created_at desc);

-- iCal export: one secret feed per listing (/ical/<token>.ics). The token is kept as it is (the
-- workspace shows the URL again; it reveals busy dates only) and can be rotated.
create table ical_feeds (
    listing_id bigint      primary key references listings (id),
    token      text        not null unique check (length(token) between 20 and 100),
    created_at timestamptz not null,
    rotated_at timestamptz
);

-- iCal import: feeds of other platforms (Airbnb, Booking.com, ...) per listing.
create table ical_imports (
    id                   bigserial   primary key,
    listing_id           bigint      not null references listings (id),
    name                 text        not null check (length(name) between 1 and 40),
    url                  text        not null check (length(url) between 8 and 2000),
    created_by           bigint      not null references users (id),
    created_at           timestamptz not null,
    etag                 text,
    last_modified        text,
    next_sync_at         timestamptz not null,
    last_attempt_at      timestamptz,
    last_success_at      timestamptz,
    last_changed_at      timestamptz,
    event_count          int         not null default 0,
    blocked_count        int         not null default 0,
    conflict_count       int         not null default 0,
    last_error           text,
    consecutive_failures int         not null default 0,
    removed_at           timestamptz
);

create unique index ical_imports_name_uq on ical_imports (listing_id, lower(name)) where removed_at is null;
create index ical_imports_due_idx on ical_imports (next_sync_at, id) where removed_at is null;

-- The events of an import's last successful read, and what became of each.
create table ical_import_events (
    import_id    bigint      not null references ical_imports (id),
    uid          text        not null,
    kind         text        not null check (kind in ('RESERVED', 'NOT_AVAILABLE', 'OTHER')),
    check_in     date        not null,
    check_out    date        not null,
    state        text        not null check (state in ('BLOCKED', 'CONFLICT', 'PAST', 'CANCELLED')),
    conflict     text,
    first_seen   timestamptz not null,
    notified_at  timestamptz,
    primary key (import_id, uid)
);
