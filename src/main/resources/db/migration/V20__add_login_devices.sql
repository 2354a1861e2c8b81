-- Sign-in throttling with device cookies (OWASP "Slow Down Online Guessing Attacks with Device
-- Cookies"): attempts made with a valid device cookie are counted per device, the others per
-- login; a locked device falls back to the per-login count.
alter table login_attempts add column device text;
create index login_attempts_device_idx on login_attempts (device, id) where device is not null;

create table login_device_lockouts (
    device       text        primary key,
    locked_until timestamptz not null
);
