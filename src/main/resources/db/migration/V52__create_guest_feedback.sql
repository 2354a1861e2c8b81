-- Guest feedback after the stay (docs/integrations.md, "Feedback"). Owner: feedback.

-- One request per completed stay: the 1-5 rating, the answer to "what could we do better?" and
-- the realtor's follow-up of it (24 h response target).
create table feedback_requests (
    id               bigint generated always as identity primary key,
    booking_id       uuid        not null unique references bookings (id),
    listing_id       bigint      not null references listings (id),
    guest_id         bigint      not null references users (id),
    owner_id         bigint      not null references users (id),
    sent_at          timestamptz not null,
    reminded_at      timestamptz,
    rating           smallint    check (rating between 1 and 5),
    rated_at         timestamptz,
    rated_via        text        check (rated_via in ('TELEGRAM', 'LINK')),
    comment          text        check (comment is null or length(comment) between 1 and 2000),
    commented_at     timestamptz,
    follow_up_due_at timestamptz,
    resolved_at      timestamptz,
    resolved_by      bigint      references users (id),
    resolution       text        check (resolution is null or length(resolution) <= 1000),
    check ((rating is null) = (rated_at is null)),
    check ((comment is null) = (commented_at is null))
);

-- The one-click links of a request's messages (the request and its reminder): a random token
-- each, stored only as its SHA-256.
create table feedback_links (
    token_hash text        primary key,
    request_id bigint      not null references feedback_requests (id),
    created_at timestamptz not null
);

create index feedback_requests_owner_idx on feedback_requests (owner_id, sent_at desc, id desc);
create index feedback_requests_open_idx on feedback_requests (owner_id, follow_up_due_at, id)
    where comment is not null and resolved_at is null;

-- Public review sites a happy guest is sent to: per listing, else per agency.
create table feedback_review_links (
    id              bigint generated always as identity primary key,
    listing_id      bigint      unique references listings (id),
    agency_id       bigint      unique references agencies (id),
    two_gis_url     text        check (two_gis_url is null or length(two_gis_url) <= 500),
    google_maps_url text        check (google_maps_url is null or length(google_maps_url) <= 500),
    yandex_maps_url text        check (yandex_maps_url is null or length(yandex_maps_url) <= 500),
    own_form        boolean     not null default true,
    updated_by      bigint      not null references users (id),
    updated_at      timestamptz not null,
    check ((listing_id is null) <> (agency_id is null))
);
