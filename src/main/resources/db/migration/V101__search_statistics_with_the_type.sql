-- The housing type goes with rooms and sleeping places too (a hostel bed sleeps one or two, a
-- house six and more): with statistics on rooms and sleeping places alone (V93) the planner
-- multiplied the type's selectivity in, expected ~2,000 "comfort hostel for three" rows that
-- do not exist, walked the price index through all 100,000 listings and read 7,500 pages to
-- find none (99 ms; 0.4 ms with these statistics, on the benchmark's data). One list of the
-- common (type, rooms, sleeping places) combinations covers what the old one did.
drop statistics if exists listings_rooms_places_stats;
create statistics listings_type_rooms_places_stats (mcv) on type_code, rooms, sleeping_places from listings;

analyze listings;
