-- Realtor workspace: who changed which listing fields (old and new values), the history of
-- base and per-date prices, and the resized variants of listing photos.

create table listing_changes (
    id         bigserial   primary key,
    listing_id bigint      not null references listings (id) on delete cascade,
    changed_by bigint      not null references users (id),
    changed_at timestamptz not null,
    action     text        not null check (action in ('CREATED', 'UPDATED', 'ACTIVATED', 'DEACTIVATED',
                                                      'PHOTO_ADDED', 'PHOTO_REMOVED', 'PHOTOS_REORDERED',
                                                      'MAIN_PHOTO_CHANGED', 'PRICES_CHANGED')),
    -- field -> {"old": ..., "new": ...}; never access codes (only the fact that they changed)
    fields     jsonb       not null default '{}'::jsonb
);

create index listing_changes_listing_idx on listing_changes (listing_id, changed_at desc, id desc);

-- night is null for the listing's base nightly price; old_price null = no override before,
-- new_price null = the override was removed.
create table listing_price_history (
    id         bigserial      primary key,
    listing_id bigint         not null references listings (id) on delete cascade,
    night      date,
    old_price  numeric(12, 2),
    new_price  numeric(12, 2),
    changed_by bigint         not null references users (id),
    changed_at timestamptz    not null,
    check (old_price is not null or new_price is not null)
);

create index listing_price_history_listing_idx on listing_price_history (listing_id, changed_at desc);

-- storage_key stays the card variant (public cards and search use it); the other variants:
alter table listing_photos
    add column thumbnail_key text,
    add column full_key      text,
    add column size_bytes    int;
