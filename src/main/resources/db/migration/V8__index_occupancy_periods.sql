-- Search asks "which listings have an occupancy overlapping these dates?" for all listings at
-- once (hash anti-join). The exclusion constraint's index leads with listing_id and serves the
-- per-listing checks of booking; this one serves the period-only probe of search.
create index occupancies_period_idx on occupancies using gist (period);
