-- Search filters on the index tuple again (ADR 0008).
--
-- V15 made the sort indexes carry the filter columns so that the capped count and the page's
-- id scan ran as index-only scans. V70 then moved availability onto the listing row (the
-- occupied-nights bitmap), which none of those indexes carried: every candidate cost a fetch
-- of its ~1.4 kB heap row again, and the amenities one probe of listing_amenities each.
--
-- 1. amenity_set: the listing's amenity codes, sorted, kept by a statement trigger on
--    listing_amenities in the same statement as every change (that table stays the source).
--    A search for amenities is "amenity_set @> array[...]" on the row or index tuple.
alter table listings add column amenity_set text[] not null default '{}';

update listings l
set amenity_set = a.codes
from (select listing_id, array_agg(amenity_code order by amenity_code) as codes
      from listing_amenities group by listing_id) a
where a.listing_id = l.id;

-- replaces listing_parts_bump_content_version for this table: the update of the listing row
-- bumps content_version anyway (listings_bump_content_version)
create function listing_amenities_refresh() returns trigger
    language plpgsql as $$
begin
    update listings l
    set amenity_set = coalesce((select array_agg(la.amenity_code order by la.amenity_code)
                                  from listing_amenities la where la.listing_id = l.id), '{}')
    where l.id in (select listing_id from changed_rows);
    return null;
end
$$;

drop trigger listing_amenities_changed_ins on listing_amenities;
drop trigger listing_amenities_changed_del on listing_amenities;
create trigger listing_amenities_changed_ins after insert on listing_amenities
    referencing new table as changed_rows for each statement execute function listing_amenities_refresh();
create trigger listing_amenities_changed_del after delete on listing_amenities
    referencing old table as changed_rows for each statement execute function listing_amenities_refresh();
create trigger listing_amenities_changed_upd_new after update on listing_amenities
    referencing new table as changed_rows for each statement execute function listing_amenities_refresh();
create trigger listing_amenities_changed_upd_old after update on listing_amenities
    referencing old table as changed_rows for each statement execute function listing_amenities_refresh();

-- 2. The three sort indexes and a filter index carry every column a search tests, the
--    bitmap and the amenity codes included: the count and the page's id scan are index-only
--    again. The price of it: an update of the bitmap (every hold) is no longer a HOT update,
--    so it adds an entry to each index of listings (measured in docs/benchmarks.md).
create index listings_search_price_v4_idx on listings (city_id, price_per_night, id)
    include (district_id, class_code, type_code, rooms, sleeping_places, rating, nights_from, nights, amenity_set)
    where status = 'ACTIVE';
create index listings_search_rating_v4_idx on listings (city_id, rating desc, review_count desc, id)
    include (district_id, class_code, type_code, rooms, sleeping_places, price_per_night, nights_from, nights,
             amenity_set)
    where status = 'ACTIVE';
create index listings_search_newest_v4_idx on listings (city_id, created_at desc, id desc)
    include (district_id, class_code, type_code, rooms, sleeping_places, price_per_night, rating, nights_from, nights,
             amenity_set)
    where status = 'ACTIVE';
-- equality filters first (PostgreSQL 18 skips over the ones a search leaves out), for
-- narrow searches and their counts; the planner sorts its few rows
create index listings_search_filter_idx on listings (city_id, district_id, class_code, type_code, rooms, sleeping_places)
    include (id, price_per_night, rating, review_count, created_at, nights_from, nights, amenity_set)
    where status = 'ACTIVE';
drop index listings_search_price_v3_idx;
drop index listings_search_rating_v3_idx;
drop index listings_search_newest_v3_idx;
drop index listings_class_type_rooms_idx;

-- 3. Rooms and sleeping places go together (one room rarely sleeps six): without this the
--    planner multiplies their selectivities, expects thousands of "1 room, 4 guests" rows,
--    walks the price index for them and reads every listing to find none.
create statistics listings_rooms_places_stats (mcv) on rooms, sleeping_places from listings;

analyze listings;
