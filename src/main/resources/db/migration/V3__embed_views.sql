-- Embed views per figure, per embedding page, per day. Counted in memory and written in batches;
-- no reader IP, cookie or identifier is ever stored, only the page that embedded the card.
create table embed_view (
    stat_id    bigint        not null references stat (id) on delete cascade,
    day        date          not null,
    site       varchar(255)  not null,
    page       varchar(1000) not null,
    views      bigint        not null,
    last_seen  timestamptz   not null,
    primary key (stat_id, day, page)
);
create index embed_view_stat_day_idx on embed_view (stat_id, day);
