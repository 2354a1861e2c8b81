-- Price-ordered search within a housing type or class (issue 19, docs/benchmarks.md "third
-- pass").
--
-- Prices follow the type and the class: a hostel costs at most ~12,000 ₸ where the price index
-- starts at 164,500, and premium listings are sparse at its cheap end. The planner assumes a
-- filter's matches are spread evenly along the sort order, so "hostels, dearest first" walked
-- listings_search_price_v4_idx from the top and removed 87,482 tuples before the 21st hostel,
-- and "premium, cheapest first" with a few more filters read tens of thousands. These two
-- indexes hold the same tuples as the price index, ordered within each type and each class:
-- a walk reads that type's or class's listings only, still index-only (the filter columns,
-- the occupied-nights bitmap and the amenity set are carried as in V93).
--
-- On the benchmark's data (100,000 listings, the seeded 400-search mix, shared buffers per
-- search counted with EXPLAIN (ANALYZE, BUFFERS)): 415,438 -> 235,014 buffers in all, p50 470
-- -> 300, p95 3,567 -> 2,306, max 7,507 -> 3,956. The cost is on every change of a listing's
-- bitmap (a hold, a confirmation, an expiry, a block), which is not a HOT update because the
-- search indexes carry the bitmap: 10.3 -> 12.7 WAL records per listing update.
create index listings_search_type_price_idx on listings (city_id, type_code, price_per_night, id)
    include (district_id, class_code, rooms, sleeping_places, rating, nights_from, nights, amenity_set)
    where status = 'ACTIVE';

create index listings_search_class_price_idx on listings (city_id, class_code, price_per_night, id)
    include (district_id, type_code, rooms, sleeping_places, rating, nights_from, nights, amenity_set)
    where status = 'ACTIVE';

analyze listings;
