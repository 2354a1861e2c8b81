-- Favorites: listings a user saved. Shared by the web site and (later) the Telegram bot, so
-- they live here, not in the browser.

create table favorites (
    user_id    bigint      not null references users (id) on delete cascade,
    listing_id bigint      not null references listings (id) on delete cascade,
    created_at timestamptz not null,
    primary key (user_id, listing_id)
);

create index favorites_listing_idx on favorites (listing_id);
