-- Figures, their sources, tags and immutable revisions; collections; API tokens.
-- Ids come from one sequence per entity, allocated 50 at a time (Panache's convention).

create sequence stat_seq increment by 50;
create sequence stat_revision_seq increment by 50;
create sequence stat_collection_seq increment by 50;
create sequence api_token_seq increment by 50;

create table stat (
    id                 bigint primary key,
    slug               varchar(80)  not null unique,
    value              numeric      not null,
    display_kind       varchar(16)  not null,
    currency           char(3),
    unit               varchar(32),
    qualifier          varchar(4),
    notation           varchar(16)  not null,
    display_override   varchar(64),
    label              varchar(200) not null,
    context            varchar(1000),
    as_of              date,
    locale             varchar(35)  not null,
    status             varchar(16)  not null,
    retraction_reason  varchar(500),
    revision           integer      not null,
    version            integer      not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    search_text        text         not null default '',
    -- English stemming for the usual case, plus the unstemmed words for names and other languages.
    search             tsvector generated always as
                           (to_tsvector('english', search_text) || to_tsvector('simple', search_text)) stored,
    constraint stat_status_check check (status in ('DRAFT', 'PUBLISHED', 'RETRACTED')),
    constraint stat_kind_check check (display_kind in ('CURRENCY', 'PERCENT', 'MULTIPLIER', 'COUNT', 'UNIT')),
    constraint stat_notation_check check (notation in ('COMPACT', 'FULL')),
    constraint stat_currency_check check (display_kind <> 'CURRENCY' or currency is not null),
    constraint stat_retraction_check check (status <> 'RETRACTED' or retraction_reason is not null)
);
create index stat_search_idx on stat using gin (search);
create index stat_updated_idx on stat (updated_at desc, id desc);

create table stat_source (
    stat_id    bigint        not null references stat (id) on delete cascade,
    position   integer       not null,
    name       varchar(200)  not null,
    url        varchar(2000) not null,
    published  date,
    accessed   date,
    primary key (stat_id, position),
    constraint stat_source_url_check check (url ~* '^https?://')
);

create table stat_tag (
    stat_id  bigint      not null references stat (id) on delete cascade,
    tag      varchar(40) not null,
    primary key (stat_id, tag)
);
create index stat_tag_tag_idx on stat_tag (tag);

create table stat_revision (
    id          bigint primary key,
    stat_id     bigint       not null references stat (id),
    number      integer      not null,
    editor      varchar(200) not null,
    created_at  timestamptz  not null,
    note        varchar(500),
    snapshot    jsonb        not null,
    unique (stat_id, number)
);

-- Revisions are history: once written they never change.
create function stat_revision_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'stat_revision rows are immutable';
end;
$$;
create trigger stat_revision_no_update before update or delete on stat_revision
    for each row execute function stat_revision_immutable();

create table stat_collection (
    id           bigint primary key,
    slug         varchar(80)  not null unique,
    title        varchar(200) not null,
    description  varchar(1000),
    status       varchar(16)  not null,
    version      integer      not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(200) not null,
    constraint stat_collection_status_check check (status in ('DRAFT', 'PUBLISHED'))
);

create table stat_collection_item (
    collection_id  bigint  not null references stat_collection (id) on delete cascade,
    position       integer not null,
    stat_id        bigint  not null references stat (id),
    primary key (collection_id, position)
);
create index stat_collection_item_stat_idx on stat_collection_item (stat_id);

create table api_token (
    id          bigint primary key,
    name        varchar(100) not null,
    editor      varchar(200) not null,
    role        varchar(16)  not null,
    token_hash  char(64)     not null unique,
    created_at  timestamptz  not null,
    revoked_at  timestamptz,
    constraint api_token_role_check check (role in ('ADMIN', 'EDITOR', 'READER'))
);
