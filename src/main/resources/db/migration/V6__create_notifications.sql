-- Notifications: the transactional outbox, in-app inbox, per-user settings, scheduled
-- reminders and the development mail catcher. User ids are plain bigints for now (identity's
-- users table lands in parallel; foreign keys come with the integration).

create table notification_outbox (
    id                  bigint generated always as identity primary key,
    kind                text                     not null,
    channel             text                     not null
        check (channel in ('EMAIL', 'TELEGRAM', 'WHATSAPP', 'IN_APP')),
    recipient_user_id   bigint,
    -- e-mail / Telegram chat id / phone in E.164; null for in-app
    address             text,
    language            text                     not null check (language in ('ru', 'kk', 'en')),
    -- template parameters as plain strings; never secrets (see secret_ref)
    params              jsonb                    not null default '{}'::jsonb,
    -- resolved at send time by the SecretParams port, e.g. 'booking:<uuid>'
    secret_ref          text,
    dedup_key           text                     not null unique,
    status              text                     not null default 'PENDING'
        check (status in ('PENDING', 'SENDING', 'SENT', 'DEAD', 'SKIPPED')),
    attempts            int                      not null default 0 check (attempts >= 0),
    -- PENDING: when to try next; SENDING: when the claim's lease runs out
    next_attempt_at     timestamp with time zone not null,
    last_error          text,
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone,
    provider_message_id text,
    constraint notification_outbox_address_check check (
        (channel = 'IN_APP' and recipient_user_id is not null)
        or (channel <> 'IN_APP' and address is not null))
);

create index notification_outbox_due_idx on notification_outbox (next_attempt_at)
    where status in ('PENDING', 'SENDING');
create index notification_outbox_dead_idx on notification_outbox (created_at desc) where status = 'DEAD';
create index notification_outbox_recipient_idx on notification_outbox (recipient_user_id, created_at desc);

create table in_app_notifications (
    id         bigint generated always as identity primary key,
    user_id    bigint                   not null,
    -- the outbox message this row was delivered from: delivering twice inserts once
    outbox_id  bigint unique references notification_outbox (id) on delete set null,
    kind       text                     not null,
    title      text                     not null,
    body       text                     not null,
    link       text,
    read_at    timestamp with time zone,
    created_at timestamp with time zone not null
);

create index in_app_notifications_user_idx on in_app_notifications (user_id, created_at desc, id desc);
create index in_app_notifications_unread_idx on in_app_notifications (user_id) where read_at is null;

create table notification_settings (
    user_id bigint  not null,
    kind    text    not null,
    channel text    not null check (channel in ('EMAIL', 'TELEGRAM', 'WHATSAPP', 'IN_APP')),
    enabled boolean not null,
    primary key (user_id, kind, channel)
);

create table notification_reminders (
    id         bigint generated always as identity primary key,
    booking_id uuid                     not null,
    kind       text                     not null,
    due_at     timestamp with time zone not null,
    status     text                     not null default 'PENDING'
        check (status in ('PENDING', 'FIRED', 'CANCELLED')),
    fired_at   timestamp with time zone,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    unique (booking_id, kind)
);

create index notification_reminders_due_idx on notification_reminders (due_at) where status = 'PENDING';

-- Development mail catcher: what unconfigured channels would have sent (codes masked).
create table captured_messages (
    id         bigint generated always as identity primary key,
    outbox_id  bigint,
    channel    text                     not null,
    address    text,
    kind       text                     not null,
    language   text                     not null,
    subject    text,
    body       text                     not null,
    html       text,
    created_at timestamp with time zone not null
);

create index captured_messages_created_idx on captured_messages (created_at desc, id desc);
