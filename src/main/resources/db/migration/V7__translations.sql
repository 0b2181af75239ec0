-- A figure's words in other languages than its own: label, context and the display names of its
-- sources (in the order of its sources). One row per figure and language.
create table stat_translation (
    stat_id      bigint        not null references stat (id) on delete cascade,
    lang         varchar(35)   not null,
    label        varchar(200)  not null,
    context      varchar(1000),
    source_names jsonb         not null default '[]',
    primary key (stat_id, lang)
);
