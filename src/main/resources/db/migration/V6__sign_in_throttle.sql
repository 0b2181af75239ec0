-- Wrong passwords no longer lock accounts (anyone could lock anyone out): sign-ins are delayed
-- per name and client address, in memory (SignInThrottle).
alter table editor_account drop column failed_logins, drop column locked_until;
