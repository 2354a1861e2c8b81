-- Identity and access: users, roles, agencies, refresh tokens, API keys, TOTP, login attempts and
-- lockouts, the append-only audit log, encrypted listing access codes and their reveal log.
-- Listings get a real owner (a user).

create table agencies (
    id         bigserial   primary key,
    name       text        not null unique check (length(name) between 2 and 200),
    active     boolean     not null default true,
    created_at timestamptz not null default now()
);

create table users (
    id               bigserial   primary key,
    -- E.164, normalised with libphonenumber (region KZ)
    phone            text        not null unique check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    -- stored lower-case
    email            text        unique check (email is null or email = lower(email)),
    name             text        not null check (length(name) between 1 and 200),
    password_hash    text        not null,
    language         text        not null default 'ru' check (language in ('ru', 'kk', 'en')),
    status           text        not null default 'ACTIVE' check (status in ('ACTIVE', 'BLOCKED')),
    agency_id        bigint      references agencies (id),
    telegram_user_id bigint      unique,
    telegram_chat_id bigint,
    telegram_enabled boolean     not null default false,
    totp_enabled     boolean     not null default false,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index users_agency_idx on users (agency_id) where agency_id is not null;

-- A super admin heads one agency; an agency has at most one head.
alter table agencies add column head_id bigint unique references users (id);

create table user_roles (
    user_id bigint not null references users (id) on delete cascade,
    role    text   not null check (role in ('USER', 'REALTOR', 'SUPER_ADMIN', 'SUPERUSER')),
    primary key (user_id, role)
);

create index user_roles_role_idx on user_roles (role, user_id);

-- Refresh tokens are stored as SHA-256 hashes. A family is one sign-in; rotation spends the old
-- token (used_at) and issues the next one in the same family. Presenting a spent token again
-- revokes the whole family.
create table refresh_tokens (
    id         bigserial   primary key,
    user_id    bigint      not null references users (id) on delete cascade,
    family     uuid        not null,
    token_hash text        not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);

create index refresh_tokens_family_idx on refresh_tokens (family);

create table api_keys (
    id           bigserial   primary key,
    owner_id     bigint      not null references users (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 100),
    prefix       text        not null,
    key_hash     text        not null unique,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_keys_owner_idx on api_keys (owner_id);

-- TOTP secret (AES-GCM ciphertext, same key as access codes) and one-time recovery codes (hashed).
create table totp_secrets (
    user_id      bigint      primary key references users (id) on delete cascade,
    secret       text        not null,
    key_version  int         not null default 1,
    created_at   timestamptz not null,
    confirmed_at timestamptz
);

create table recovery_codes (
    id        bigserial   primary key,
    user_id   bigint      not null references users (id) on delete cascade,
    code_hash text        not null,
    used_at   timestamptz
);

create index recovery_codes_user_idx on recovery_codes (user_id);

create table login_attempts (
    id      bigserial   primary key,
    login   text        not null,
    ip      text,
    success boolean     not null,
    at      timestamptz not null
);

create index login_attempts_login_idx on login_attempts (login, at);

create table login_lockouts (
    login        text        primary key,
    locked_until timestamptz not null
);

-- Append-only: an UPDATE or DELETE raises. (TRUNCATE is left to the table owner for test resets
-- and retention jobs; production grants the application role INSERT and SELECT only.)
create table audit_log (
    id           bigserial   primary key,
    at           timestamptz not null,
    actor_id     bigint,
    action       text        not null,
    subject_type text,
    subject_id   text,
    details      jsonb       not null default '{}'::jsonb
);

create index audit_log_at_idx on audit_log (at desc);
create index audit_log_actor_idx on audit_log (actor_id, at desc);
create index audit_log_action_idx on audit_log (action, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_append_only();

-- Access codes: AES-256-GCM ciphertexts (base64 of IV || ciphertext+tag), key version for rotation.
create table listing_access_codes (
    listing_id  bigint      primary key references listings (id) on delete cascade,
    intercom    text,
    flat        text,
    safe        text,
    key_version int         not null default 1,
    updated_at  timestamptz not null,
    updated_by  bigint      references users (id)
);

create table access_code_reveals (
    id         bigserial   primary key,
    at         timestamptz not null,
    listing_id bigint      not null,
    booking_id uuid,
    actor_id   bigint      not null,
    audience   text        not null check (audience in ('GUEST', 'STAFF')),
    channel    text        not null
);

create index access_code_reveals_at_idx on access_code_reveals (at desc);
create index access_code_reveals_listing_idx on access_code_reveals (listing_id, at desc);

alter table listings add constraint listings_owner_fk foreign key (owner_id) references users (id);
