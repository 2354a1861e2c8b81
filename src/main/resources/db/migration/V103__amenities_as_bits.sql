-- A listing's amenities as one bigint on the search index tuple (issue 19, ADR 0008).
--
-- V93 put the listing's amenity codes (amenity_set, text[]) on every search index so that
-- an amenity filter is tested on the index tuple. At ~130 bytes of the ~250 of a tuple it
-- doubled the size of the six search indexes, and every walk and count reads them: the
-- price index of the benchmark's 100,000 listings took 3,527 pages with it and 1,799 with a
-- bigint, and a walk past 35,500 listings for "3 rooms with a kitchen, cheapest first" read
-- 1,242 pages in 28-44 ms with it, 634 in 14-20 ms with the bigint.
--
-- 1. Every amenity gets a bit, 0-62: a new one the lowest bit no amenity has (an amenity
--    is deleted only while no listing has it, so a freed bit is on no listing). With all 63
--    given the insert fails on "not null"; the dictionary editor refuses the 64th first.
alter table amenities add column bit smallint;
update amenities a
set bit = n.bit
from (select code, row_number() over (order by position, code) - 1 as bit from amenities) n
where n.code = a.code;

create function amenity_free_bit() returns smallint
    language sql volatile as $$
    select min(b)::smallint from generate_series(0, 62) b where b not in (select bit from amenities where bit is not null)
$$;

alter table amenities
    alter column bit set default amenity_free_bit(),
    alter column bit set not null,
    add constraint amenities_bit_key unique (bit),
    add constraint amenities_bit_range check (bit between 0 and 62);

-- 2. amenity_bits: bit n set = the listing has the amenity whose bit is n; kept by the
--    statement triggers of V93 on listing_amenities (still the source), in the same
--    statement as every change.
alter table listings add column amenity_bits bigint not null default 0;

update listings l
set amenity_bits = b.bits
from (select la.listing_id, bit_or(1::bigint << a.bit) as bits
      from listing_amenities la join amenities a on a.code = la.amenity_code
      group by la.listing_id) b
where b.listing_id = l.id;

create or replace function listing_amenities_refresh() returns trigger
    language plpgsql as $$
begin
    update listings l
    set amenity_bits = coalesce((select bit_or(1::bigint << a.bit)
                                   from listing_amenities la join amenities a on a.code = la.amenity_code
                                   where la.listing_id = l.id), 0)
    where l.id in (select listing_id from changed_rows);
    return null;
end
$$;

-- 3. Dropping the column drops the six search indexes; V103_1 builds them again with the
--    bits, in a transaction of its own: built here, after the update above, they would
--    also hold an entry for each of the 100,000 row versions that update left behind
--    (2,877 instead of 1,810 pages for the price index).
alter table listings drop column amenity_set;
