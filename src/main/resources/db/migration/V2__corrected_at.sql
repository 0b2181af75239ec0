-- When what readers see of a figure (value, display, label, context, date, sources) last changed
-- after its first version: the "Updated <date>" line of the card.
alter table stat add column corrected_at timestamptz;
