-- A collection's own language (its title's; existing ones were written in English) and its title
-- and description in other languages, one row per collection and language.
alter table stat_collection add column locale varchar(35) not null default 'en';

create table stat_collection_translation (
    collection_id  bigint        not null references stat_collection (id) on delete cascade,
    lang           varchar(35)   not null,
    title          varchar(200)  not null,
    description    varchar(1000),
    primary key (collection_id, lang)
);
