-- Webhooks: endpoints that admins register, and a transactional outbox. An event row is written
-- in the transaction of the change it announces (so it exists if and only if the change
-- committed), with one delivery row per endpoint subscribed to it; every instance sends pending
-- deliveries, claiming them with FOR UPDATE SKIP LOCKED and a lease.
-- Endpoints are entities (Panache's sequence, 50 at a time); the rest is written with SQL.
create sequence webhook_endpoint_seq increment by 50;
create table webhook_endpoint (
    id           bigint        primary key,
    url          varchar(2000) not null,
    description  varchar(200),
    secret       varchar(100)  not null,
    -- The event types it receives, comma-separated (stat.published,stat.corrected,...).
    events       varchar(300)  not null,
    enabled      boolean       not null default true,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      integer       not null default 0
);

create table webhook_event (
    id          bigserial     primary key,
    message_id  varchar(40)   not null unique,
    type        varchar(30)   not null,
    -- What the event is about, in the order events are sent: 'stat:<slug>' or 'collection:<slug>'.
    subject     varchar(120)  not null,
    payload     text          not null,
    created_at  timestamptz   not null
);

create table webhook_delivery (
    id               bigserial    primary key,
    event_id         bigint       not null references webhook_event (id) on delete cascade,
    endpoint_id      bigint       not null references webhook_endpoint (id) on delete cascade,
    subject          varchar(120) not null,
    -- PENDING (to send), DELIVERED (answered 2xx), FAILED (gave up after the retry window).
    state            varchar(10)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    lease_until      timestamptz,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    created_at       timestamptz  not null
);
create index webhook_delivery_pending on webhook_delivery (next_attempt_at, id) where state = 'PENDING';
create index webhook_delivery_order on webhook_delivery (endpoint_id, subject, id) where state = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, id desc);

-- Every attempt, for the delivery log: when, how long, what came back (the first bytes only).
create table webhook_attempt (
    id           bigserial    primary key,
    delivery_id  bigint       not null references webhook_delivery (id) on delete cascade,
    at           timestamptz  not null,
    duration_ms  integer      not null,
    status       integer,
    error        varchar(500),
    response     varchar(1000)
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
