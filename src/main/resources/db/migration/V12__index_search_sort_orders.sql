-- Search sorts by rating and by newest (ADR 0004). The V2 indexes did not match the ORDER BY
-- of these sorts (rating: + review_count desc; newest: id desc), so every such search sorted
-- all matching listings. With the city as a constant these indexes return rows in order and
-- the LIMIT stops the scan after one page.
create index listings_search_rating_v2_idx on listings (city_id, rating desc, review_count desc, id)
    where status = 'ACTIVE';
create index listings_search_newest_v2_idx on listings (city_id, created_at desc, id desc)
    where status = 'ACTIVE';
drop index listings_search_rating_idx;
drop index listings_search_newest_idx;
