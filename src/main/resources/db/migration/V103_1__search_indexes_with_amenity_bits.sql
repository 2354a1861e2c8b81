-- The six search indexes of V93 and V102 again, under the same names, with the listing's
-- amenity bits (V103) instead of its amenity codes.
create index listings_search_price_v4_idx on listings (city_id, price_per_night, id)
    include (district_id, class_code, type_code, rooms, sleeping_places, rating, nights_from, nights, amenity_bits)
    where status = 'ACTIVE';
create index listings_search_rating_v4_idx on listings (city_id, rating desc, review_count desc, id)
    include (district_id, class_code, type_code, rooms, sleeping_places, price_per_night, nights_from, nights,
             amenity_bits)
    where status = 'ACTIVE';
create index listings_search_newest_v4_idx on listings (city_id, created_at desc, id desc)
    include (district_id, class_code, type_code, rooms, sleeping_places, price_per_night, rating, nights_from, nights,
             amenity_bits)
    where status = 'ACTIVE';
create index listings_search_filter_idx on listings (city_id, district_id, class_code, type_code, rooms, sleeping_places)
    include (id, price_per_night, rating, review_count, created_at, nights_from, nights, amenity_bits)
    where status = 'ACTIVE';
create index listings_search_type_price_idx on listings (city_id, type_code, price_per_night, id)
    include (district_id, class_code, rooms, sleeping_places, rating, nights_from, nights, amenity_bits)
    where status = 'ACTIVE';
create index listings_search_class_price_idx on listings (city_id, class_code, price_per_night, id)
    include (district_id, type_code, rooms, sleeping_places, rating, nights_from, nights, amenity_bits)
    where status = 'ACTIVE';

analyze listings;
