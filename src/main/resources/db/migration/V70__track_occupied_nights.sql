-- Availability that is cheap to test (ADR 0006).
--
-- 1. Each listing carries a bitmap of its occupied nights: bit i of listings.nights is the
--    night nights_from + i; a set bit means an occupancy (booking or block) covers it. Nights
--    before nights_from are free: the anchor only ever moves back to the start of a new
--    occupancy, so every occupancy starts on or after it. A trigger on occupancies keeps the
--    bitmap in the same transaction as every occupancy change (hold, confirmation of a late
--    payment, cancellation, expiry, block, removal, any import through the booking API).
--    Search tests a stay with a substring of the bitmap on the listing row: no probe into
--    occupancies per candidate. The exclusion constraint stays the guarantee; the bitmap is
--    only a filter, and zhilyego's consistency check compares the two.
-- 2. listings.content_version changes with everything a listing page shows (the listing
--    row, its nightly prices, photos, amenities, published reviews and occupancy): the
--    page's ETag and the key of its shared cache.
-- 3. cache_versions: what app nodes cache (reference data, first pages of searches without
--    dates) is labelled with a version that triggers bump on every change.

-- a bitmap cannot hold an open-ended period; every writer passes both dates
alter table occupancies add constraint occupancies_finite check (not lower_inf(period) and not upper_inf(period));

-- room on each page for the new row versions of HOT updates (the bitmap changes often)
alter table listings set (fillfactor = 85);

alter table listings
    add column nights_from     date,
    add column nights          varbit,
    add column content_version bigint not null default 0;

-- The occupied nights of one listing from p_from on, as a bitmap (the set-based twin is in
-- rebuild_occupied_nights). Occupancies of a listing never overlap, so in start order each
-- one adds the gap since the previous one as zeros and its own nights as ones.
create function occupied_nights(p_listing bigint, p_from date) returns varbit
    language sql stable as $$
    select cast(coalesce(string_agg(repeat('0', x.s - x.prev) || repeat('1', x.e - x.s), '' order by x.s), '')
                as varbit)
    from (select greatest(lower(o.period) - p_from, 0) as s, upper(o.period) - p_from as e,
                 coalesce(lag(upper(o.period) - p_from) over (order by lower(o.period)), 0) as prev
          from occupancies o
          where o.listing_id = p_listing and upper(o.period) > p_from) x
$$;

-- Recomputes one listing's bitmap; p_start (the start of a new occupancy) may move the
-- anchor back, never forward. Volatile: every statement reads a fresh snapshot.
create function refresh_occupied_nights(p_listing bigint, p_start date) returns void
    language plpgsql as $$
declare
    anchor date;
begin
    -- the listing's row lock first: a writer that did not take it (e.g. removing a block)
    -- waits here for one that did, and the statements below then read with a snapshot
    -- taken after that one committed (read committed), so no committed occupancy is missed
    perform 1 from listings l where l.id = p_listing for update;
    select least(l.nights_from, p_start) into anchor from listings l where l.id = p_listing;
    if anchor is null then
        select min(lower(o.period)) into anchor from occupancies o where o.listing_id = p_listing;
    end if;
    update listings
    set nights_from = anchor,
        nights      = case when anchor is null then null else occupied_nights(p_listing, anchor) end
    where id = p_listing;
end
$$;

create function occupancies_track_nights() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform refresh_occupied_nights(new.listing_id, lower(new.period));
    elsif tg_op = 'DELETE' then
        perform refresh_occupied_nights(old.listing_id, null);
    else
        if old.listing_id <> new.listing_id then
            perform refresh_occupied_nights(old.listing_id, null);
        end if;
        perform refresh_occupied_nights(new.listing_id, lower(new.period));
    end if;
    return null;
end
$$;

create trigger occupancies_track_nights
    after insert or update of listing_id, period or delete on occupancies
    for each row execute function occupancies_track_nights();

-- Every listing's bitmap from its occupancies in one pass (migration, bulk loads, repair).
create function rebuild_occupied_nights() returns bigint
    language sql as $$
    with o as (
        select listing_id, lower(period) as lo, upper(period) as hi,
               min(lower(period)) over (partition by listing_id) as anchor,
               lag(upper(period)) over (partition by listing_id order by lower(period)) as prev_hi
        from occupancies
    ), built as (
        select listing_id, min(anchor) as anchor,
               cast(string_agg(repeat('0', lo - coalesce(prev_hi, anchor)) || repeat('1', hi - lo), ''
                               order by lo) as varbit) as bits
        from o
        group by listing_id
    ), changed as (
        update listings l
        set nights_from = b.anchor, nights = b.bits
        from (select l2.id, built.anchor, built.bits
              from listings l2 left join built on built.listing_id = l2.id) b
        where b.id = l.id
          and (l.nights_from is distinct from b.anchor or l.nights is distinct from b.bits)
        returning 1
    )
    select count(*) from changed
$$;

select rebuild_occupied_nights();

-- The consistency check: listings whose bitmap disagrees with the occupancy relation. Two
-- independent conditions, each from the occupancies themselves: every occupied night at or
-- after the anchor is a set bit (and no occupancy starts before the anchor), and the number
-- of set bits equals the number of those nights. Occupancies never overlap, so together
-- they mean "equal".
create function occupied_nights_mismatches() returns table (listing_id bigint)
    language sql stable as $$
    select l.id
    from listings l
    left join lateral (
        select count(*) as n,
               coalesce(sum(upper(o.period) - lower(o.period)), 0) as nights,
               bool_and(l.nights_from is not null and lower(o.period) >= l.nights_from
                        and length(l.nights) >= upper(o.period) - l.nights_from
                        and position(B'0' in substring(l.nights from lower(o.period) - l.nights_from + 1
                                                        for upper(o.period) - lower(o.period))) = 0) as covered
        from occupancies o
        where o.listing_id = l.id
    ) occ on true
    where (occ.n = 0 and coalesce(bit_count(l.nights), 0) <> 0)
       or (occ.n > 0 and (not occ.covered or coalesce(bit_count(l.nights), 0) <> occ.nights))
    order by l.id
$$;

-- content_version: any change of the listing row (including the bitmap above)
create function listings_bump_content_version() returns trigger
    language plpgsql as $$
begin
    new.content_version := old.content_version + 1;
    return new;
end
$$;

create trigger listings_bump_content_version
    before update on listings
    for each row execute function listings_bump_content_version();

-- ... and of what hangs off it (statement-level: one update per listing per statement)
create function listing_parts_bump_content_version() returns trigger
    language plpgsql as $$
begin
    update listings set content_version = content_version + 1
    where id in (select listing_id from changed_rows);
    return null;
end
$$;

create trigger listing_night_prices_changed_ins after insert on listing_night_prices
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_night_prices_changed_upd after update on listing_night_prices
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_night_prices_changed_del after delete on listing_night_prices
    referencing old table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_photos_changed_ins after insert on listing_photos
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_photos_changed_upd after update on listing_photos
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_photos_changed_del after delete on listing_photos
    referencing old table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_amenities_changed_ins after insert on listing_amenities
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger listing_amenities_changed_del after delete on listing_amenities
    referencing old table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger reviews_changed_ins after insert on reviews
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();
create trigger reviews_changed_upd after update on reviews
    referencing new table as changed_rows for each statement execute function listing_parts_bump_content_version();

-- Versions of what app nodes cache: a cached value is labelled with the version it was
-- read with (version first, then the data), and a reader that finds another version reads
-- again. Exact on every node and on a replica (version and data come from the same
-- server), at the price of one primary-key read per cached read. Bumped by statement
-- triggers: reference data on any change; listings when a column a search result shows
-- changes (a bitmap-only update, i.e. every hold, bumps nothing), or a photo or amenity.
create table cache_versions (
    name    text   primary key,
    version bigint not null default 0
);
insert into cache_versions (name) values ('dictionaries'), ('listings');

create function bump_cache_version() returns trigger
    language plpgsql as $$
begin
    update cache_versions set version = version + 1 where name = tg_argv[0];
    return null;
end
$$;

create trigger cities_changed after insert or update or delete or truncate on cities
    for each statement execute function bump_cache_version('dictionaries');
create trigger districts_changed after insert or update or delete or truncate on districts
    for each statement execute function bump_cache_version('dictionaries');
create trigger housing_classes_changed after insert or update or delete or truncate on housing_classes
    for each statement execute function bump_cache_version('dictionaries');
create trigger housing_types_changed after insert or update or delete or truncate on housing_types
    for each statement execute function bump_cache_version('dictionaries');
create trigger amenities_changed after insert or update or delete or truncate on amenities
    for each statement execute function bump_cache_version('dictionaries');

create trigger listings_added_or_removed after insert or delete or truncate on listings
    for each statement execute function bump_cache_version('listings');
create trigger listings_shown_changed after update on listings
    for each row
    when ((old.title, old.status, old.city_id, old.district_id, old.class_code, old.type_code, old.rooms,
           old.sleeping_places, old.price_per_night, old.currency, old.weekend_uplift_percent,
           old.long_stay_min_nights, old.long_stay_discount_percent, old.rating, old.review_count, old.street,
           old.house, old.block, old.created_at, old.area_m2)
          is distinct from
          (new.title, new.status, new.city_id, new.district_id, new.class_code, new.type_code, new.rooms,
           new.sleeping_places, new.price_per_night, new.currency, new.weekend_uplift_percent,
           new.long_stay_min_nights, new.long_stay_discount_percent, new.rating, new.review_count, new.street,
           new.house, new.block, new.created_at, new.area_m2))
    execute function bump_cache_version('listings');
create trigger listing_photos_shown_changed after insert or update or delete or truncate on listing_photos
    for each statement execute function bump_cache_version('listings');
create trigger listing_amenities_shown_changed after insert or update or delete or truncate on listing_amenities
    for each statement execute function bump_cache_version('listings');
