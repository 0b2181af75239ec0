-- Honest changes: each save says whether it corrects the figure, updates it with new data or only
-- edits its wording, and whether its note is for readers. Older notes were written for editors:
-- they stay private. Adding columns rewrites no revision row, so the immutability trigger holds.
alter table stat_revision add column change_kind varchar(16);
alter table stat_revision add column note_public boolean not null default false;
alter table stat_revision add constraint stat_revision_change_check
    check (change_kind in ('CORRECTION', 'UPDATE', 'EDIT'));

-- The last change readers are told about ("Corrected <date>" or "Updated <date>"). Every such
-- change so far was shown as "Updated".
alter table stat rename column corrected_at to changed_at;
alter table stat add column last_change varchar(16);
update stat set last_change = 'UPDATE' where changed_at is not null;
alter table stat add constraint stat_last_change_check
    check (last_change in ('CORRECTION', 'UPDATE') and changed_at is not null or last_change is null);

-- How precise the as-of date is: a day, or the month, quarter or year it starts.
alter table stat add column as_of_precision varchar(8) not null default 'DAY';
alter table stat add constraint stat_as_of_precision_check
    check (as_of_precision in ('DAY', 'MONTH', 'QUARTER', 'YEAR'));

-- How a currency is written (symbol, code or name; null: the site's default) and whether the card
-- shows the change since the previous value, with or without a sparkline.
alter table stat add column currency_style varchar(8);
alter table stat add constraint stat_currency_style_check check (currency_style in ('SYMBOL', 'CODE', 'NAME'));
alter table stat add column trend varchar(16) not null default 'NONE';
alter table stat add constraint stat_trend_check check (trend in ('NONE', 'CHANGE', 'SPARKLINE'));
