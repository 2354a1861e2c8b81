-- Agency invitations: an account joins an agency only by accepting an invitation while signed
-- in as itself. The invitation is addressed to an e-mail; the link in the e-mail carries a
-- random single-use token, stored here only as its SHA-256. At most one pending invitation per
-- agency and address.
create table agency_invitations (
    id          bigserial   primary key,
    agency_id   bigint      not null references agencies (id),
    email       text        not null check (email = lower(email) and length(email) between 3 and 200),
    name        text        check (name is null or length(name) between 1 and 200),
    language    text        not null default 'ru' check (language in ('ru', 'kk', 'en')),
    token_hash  text        not null unique,
    invited_by  bigint      not null references users (id),
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    status      text        not null default 'PENDING'
                            check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'REVOKED')),
    decided_at  timestamptz,
    decided_by  bigint      references users (id),
    check ((status = 'PENDING') = (decided_at is null))
);

create unique index agency_invitations_pending_uq on agency_invitations (agency_id, email)
    where status = 'PENDING';
create index agency_invitations_agency_idx on agency_invitations (agency_id, created_at desc, id desc);
