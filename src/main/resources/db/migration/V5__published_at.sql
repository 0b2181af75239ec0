-- Backfills may run longer than the service's statement timeout.
set local statement_timeout = 0;

-- When a figure was first shown to readers: null while it has never been public. A figure that
-- was never public may be deleted for good; "Updated" and the public history start here.
alter table stat add column published_at timestamptz;
update stat s set published_at = (
    select min(r.created_at) from stat_revision r
    where r.stat_id = s.id and r.snapshot ->> 'status' <> 'draft');

-- Revisions are immutable, except that a never-published draft is deleted with all of them.
create or replace function stat_revision_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from stat s where s.id = old.stat_id and s.published_at is null) then
        return old;
    end if;
    raise exception 'stat_revision rows are immutable';
end;
$$;
