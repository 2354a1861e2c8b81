-- Two-way, double-blind reviews (issue 18 item 6; docs/platform.md "Two-way reviews").
-- Owner: review.
--
-- A review of a stay (the guest's, in reviews) and the review of the guest (the realtor's, in
-- guest_reviews) stay hidden from the other side, the listing page and the rating averages
-- until both are written or 14 days have passed since check-out. visible_from is that moment
-- (null: visible at once, as every review written before this migration); reveal_pending marks
-- a row whose reveal (rating recomputed, "published" event) has not been handled yet.

alter table reviews
    add column visible_from   timestamptz,
    add column reveal_pending boolean not null default false;

create table guest_reviews (
    id             bigint generated always as identity primary key,
    booking_id     uuid        not null unique references bookings (id),
    listing_id     bigint      not null references listings (id),
    guest_id       bigint      not null references users (id),
    author_id      bigint      not null references users (id),
    rating         smallint    not null check (rating between 1 and 5),
    -- GuestFlag names: NOISE, DAMAGE, RULES_BROKEN, EXTRA_GUESTS, SMOKING, LEFT_DIRTY,
    -- LEFT_CLEAN, RESPECTFUL, GOOD_COMMUNICATION
    flags          text[]      not null default '{}',
    comment        text        check (comment is null or length(comment) <= 2000),
    created_at     timestamptz not null,
    visible_from   timestamptz,
    reveal_pending boolean     not null default false
);

-- "reviews about a guest, newest first" (the cabinet, the risk score)
create index guest_reviews_guest_idx on guest_reviews (guest_id, created_at desc, id desc);
-- the reveal job: rows whose blind period is running
create index reviews_reveal_pending_idx on reviews (visible_from) where reveal_pending;
create index guest_reviews_reveal_pending_idx on guest_reviews (visible_from) where reveal_pending;
