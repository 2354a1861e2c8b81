-- Dictionaries the superuser manages (docs/admin.md): housing classes, types and amenities
-- can be deactivated like cities (districts end with valid_to). A deactivated entry is kept
-- for the listings that use it but offered nowhere; an entry in use is never deleted.
alter table housing_classes add column active boolean not null default true;
alter table housing_types add column active boolean not null default true;
alter table amenities add column active boolean not null default true;
