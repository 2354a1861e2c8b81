-- Reviews of completed stays: one per booking, written by its guest, answered once by the
-- listing's realtor (the reply can be edited), hidden by the automatic check or the
-- superuser. listings.rating / review_count are recomputed from the PUBLISHED ones.

create table reviews (
    id            bigserial   primary key,
    booking_id    uuid        not null unique references bookings (id),
    listing_id    bigint      not null references listings (id),
    author_id     bigint      not null references users (id),
    rating        smallint    not null check (rating between 1 and 5),
    comment       text        check (comment is null or length(comment) <= 2000),
    status        text        not null check (status in ('PUBLISHED', 'HIDDEN')),
    -- 'auto' (the automatic check) or the superuser's reason; null while published
    hidden_reason text        check (hidden_reason is null or length(hidden_reason) <= 500),
    hidden_at     timestamptz,
    hidden_by     bigint      references users (id),
    created_at    timestamptz not null,
    reply         text        check (reply is null or length(reply) <= 2000),
    replied_at    timestamptz,
    replied_by    bigint      references users (id),
    check ((reply is null) = (replied_at is null))
);

-- "reviews of a listing, newest first" (the public list) and the rating recomputation
create index reviews_listing_published_idx on reviews (listing_id, created_at desc, id desc) where status = 'PUBLISHED';
create index reviews_listing_idx on reviews (listing_id, created_at desc, id desc);
create index reviews_author_idx on reviews (author_id);
create index reviews_hidden_idx on reviews (created_at desc, id desc) where status = 'HIDDEN';

create table review_complaints (
    id         bigserial   primary key,
    review_id  bigint      not null references reviews (id) on delete cascade,
    user_id    bigint      not null references users (id),
    reason     text        not null check (length(reason) between 1 and 500),
    created_at timestamptz not null,
    unique (review_id, user_id)
);
