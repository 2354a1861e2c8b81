-- The listing page's host card counts the owner's active listings and weighs their ratings
-- (catalog.ListingCatalog.host). Through listings_owner_idx that is one heap fetch per
-- listing of the owner: 3 ms and ~200 page reads for an owner of 200 listings, on every
-- render of every one of them (issue 19). Carrying the two summed columns makes it an
-- index-only scan of a few pages.
create index listings_owner_active_idx on listings (owner_id) include (rating, review_count) where status = 'ACTIVE';
