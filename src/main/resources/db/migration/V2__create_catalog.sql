-- Catalog: reference data (cities, districts, classes, types, amenities), listings, photos,
-- per-date prices, and the occupancy relation that makes double booking impossible.

create extension if not exists btree_gist;

create table cities (
    id        smallserial primary key,
    slug      text        not null unique check (slug ~ '^[a-z0-9-]+$'),
    name_ru   text        not null,
    name_kk   text        not null,
    name_en   text        not null,
    time_zone text        not null default 'Asia/Almaty',
    active    boolean     not null default true,
    position  smallint    not null default 0
);

-- Districts carry validity dates: an administrative reform is a data change
-- (Nura split from Esil in 2022, Saraishyk from Almaty in 2024).
create table districts (
    id         serial   primary key,
    city_id    smallint not null references cities (id),
    slug       text     not null check (slug ~ '^[a-z0-9-]+$'),
    name_ru    text     not null,
    name_kk    text     not null,
    name_en    text     not null,
    valid_from date     not null,
    valid_to   date,
    position   smallint not null default 0,
    unique (city_id, slug),
    check (valid_to is null or valid_to > valid_from)
);

create table housing_classes (
    code     text     primary key check (code ~ '^[a-z_]+$'),
    name_ru  text     not null,
    name_kk  text     not null,
    name_en  text     not null,
    position smallint not null
);

create table housing_types (
    code      text     primary key check (code ~ '^[a-z_]+$'),
    slug      text     not null unique,
    name_ru   text     not null,
    name_kk   text     not null,
    name_en   text     not null,
    has_rooms boolean  not null default true,
    position  smallint not null
);

create table amenities (
    code     text     primary key check (code ~ '^[a-z_]+$'),
    name_ru  text     not null,
    name_kk  text     not null,
    name_en  text     not null,
    position smallint not null
);

create table listings (
    id                         bigserial     primary key,
    owner_id                   bigint        not null,
    city_id                    smallint      not null references cities (id),
    district_id                int           not null references districts (id),
    class_code                 text          not null references housing_classes (code),
    type_code                  text          not null references housing_types (code),
    title                      text          not null check (length(title) between 3 and 200),
    rooms                      smallint      not null check (rooms between 0 and 50),
    street                     text          not null,
    house                      text          not null,
    block                      text,
    entrance                   text,
    floor                      smallint,
    floors_total               smallint,
    area_m2                    numeric(7, 2) not null check (area_m2 > 0),
    sleeping_places            smallint      not null check (sleeping_places between 1 and 100),
    description                text          not null default '',
    house_rules                text          not null default '',
    price_per_night            numeric(12, 2) not null check (price_per_night > 0),
    currency                   char(3)       not null default 'KZT',
    weekend_uplift_percent     numeric(5, 2) not null default 0 check (weekend_uplift_percent between 0 and 300),
    long_stay_min_nights       smallint      check (long_stay_min_nights > 1),
    long_stay_discount_percent numeric(5, 2) not null default 0 check (long_stay_discount_percent between 0 and 90),
    check_in_time              time          not null default '14:00',
    check_out_time             time          not null default '12:00',
    realtor_phone              text          not null,
    latitude                   numeric(9, 6) check (latitude between -90 and 90),
    longitude                  numeric(9, 6) check (longitude between -180 and 180),
    status                     text          not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE')),
    rating                     numeric(3, 2) not null default 0 check (rating between 0 and 5),
    review_count               int           not null default 0 check (review_count >= 0),
    version                    int           not null default 0,
    created_at                 timestamptz   not null default now(),
    updated_at                 timestamptz   not null default now(),
    check (floor is null or floors_total is null or floor <= floors_total)
);

-- Search: the city + status prefix is in every public query; the rest narrow or sort.
create index listings_search_price_idx on listings (city_id, price_per_night, id) where status = 'ACTIVE';
create index listings_search_rating_idx on listings (city_id, rating desc, id) where status = 'ACTIVE';
create index listings_search_newest_idx on listings (city_id, created_at desc, id) where status = 'ACTIVE';
create index listings_district_idx on listings (district_id) where status = 'ACTIVE';
create index listings_class_type_rooms_idx on listings (class_code, type_code, rooms) where status = 'ACTIVE';
create index listings_owner_idx on listings (owner_id);

create table listing_amenities (
    listing_id   bigint not null references listings (id) on delete cascade,
    amenity_code text   not null references amenities (code),
    primary key (listing_id, amenity_code)
);

create index listing_amenities_code_idx on listing_amenities (amenity_code, listing_id);

create table listing_photos (
    id           bigserial   primary key,
    listing_id   bigint      not null references listings (id) on delete cascade,
    position     smallint    not null check (position >= 0),
    main         boolean     not null default false,
    storage_key  text        not null,
    content_type text        not null,
    width        int,
    height       int,
    created_at   timestamptz not null default now()
);

create index listing_photos_listing_idx on listing_photos (listing_id, position);
create unique index listing_photos_one_main_idx on listing_photos (listing_id) where main;

-- A realtor's price for one night, overriding the listing's nightly price.
create table listing_night_prices (
    listing_id bigint         not null references listings (id) on delete cascade,
    night      date           not null,
    price      numeric(12, 2) not null check (price > 0),
    primary key (listing_id, night)
);

-- Everything that occupies a listing's nights: active bookings (HOLD, CONFIRMED, CHECKED_IN)
-- and realtor blocks. Periods are [check_in, check_out) dates in the listing's time zone, so a
-- check-out day can be the next guest's check-in day. The exclusion constraint is THE guarantee
-- that no two of them overlap; Java checks only give friendlier errors first.
create table occupancies (
    id          bigserial   primary key,
    listing_id  bigint      not null references listings (id),
    period      daterange   not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
    kind        text        not null check (kind in ('BOOKING', 'BLOCK')),
    booking_id  uuid        unique,
    block_id    bigint      unique,
    created_at  timestamptz not null default now(),
    check ((kind = 'BOOKING') = (booking_id is not null)),
    check ((kind = 'BLOCK') = (block_id is not null)),
    constraint occupancies_no_overlap exclude using gist (listing_id with =, period with &&)
);
