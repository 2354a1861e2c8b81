-- Search speed (ADR 0005).
-- 1. Availability probe per candidate listing: a btree on (listing_id, lower(period)) with the
--    period included finds the latest occupancy of the listing starting before checkOut in one
--    backward index-only step (occupancies of a listing never overlap, so that one decides),
--    several times cheaper than a search of the GiST exclusion index occupancies_no_overlap.
--    The analyze gives the planner statistics of the expression lower(period).
create index occupancies_listing_lower_idx on occupancies (listing_id, lower(period)) include (period);
analyze occupancies;
-- 2. The sort indexes carry the filter columns, so the capped count and the page's id scan
--    check district, class, type, rooms, guests, price and rating on the index tuple
--    (index-only scan) instead of fetching each ~700-byte listing row.
create index listings_search_price_v3_idx on listings (city_id, price_per_night, id)
    include (district_id, class_code, type_code, rooms, sleeping_places, rating) where status = 'ACTIVE';
create index listings_search_rating_v3_idx on listings (city_id, rating desc, review_count desc, id)
    include (district_id, class_code, type_code, rooms, sleeping_places, price_per_night) where status = 'ACTIVE';
create index listings_search_newest_v3_idx on listings (city_id, created_at desc, id desc)
    include (district_id, class_code, type_code, rooms, sleeping_places, price_per_night, rating) where status = 'ACTIVE';
drop index listings_search_price_idx;
drop index listings_search_rating_v2_idx;
drop index listings_search_newest_v2_idx;
analyze listings;
