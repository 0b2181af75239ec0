-- Editors of the web UI: bcrypt password hashes, lock-out after repeated failures, and
-- server-side sessions (only a hash of the cookie's secret is stored).
create sequence editor_account_seq increment by 50;

create table editor_account (
    id             bigint primary key,
    username       varchar(100) not null unique,
    display_name   varchar(200) not null,
    role           varchar(16)  not null,
    password_hash  varchar(100) not null,
    failed_logins  integer      not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz  not null,
    constraint editor_account_role_check check (role in ('EDITOR', 'ADMIN'))
);

create table editor_session (
    token_hash  char(64)     primary key,
    account_id  bigint       not null references editor_account (id) on delete cascade,
    csrf_token  varchar(64)  not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null
);
create index editor_session_expires_idx on editor_session (expires_at);
