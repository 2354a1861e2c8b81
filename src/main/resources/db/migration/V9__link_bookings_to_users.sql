-- Bookings and blocks reference real users (the identity tables arrived in V4).
alter table bookings
    add constraint bookings_guest_fk foreign key (guest_id) references users (id),
    add constraint bookings_owner_fk foreign key (owner_id) references users (id);

alter table listing_blocks
    add constraint listing_blocks_created_by_fk foreign key (created_by) references users (id),
    add constraint listing_blocks_removed_by_fk foreign key (removed_by) references users (id);
