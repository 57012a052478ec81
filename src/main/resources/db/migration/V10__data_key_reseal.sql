-- Re-sealing what the data key sealed under the current key (Admin → Keys): one row every node reads. The node doing
-- the work renews its lease; a run whose node went away shows as stopped and can be started again.
create table data_key_reseal (
    id           varchar(16)   primary key,
    state        varchar(16)   not null,
    run_id       varchar(36),
    kid          varchar(16),
    started_by   varchar(64),
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    lease_until  timestamp with time zone,
    due          bigint        default 0 not null,
    resealed     bigint        default 0 not null,
    failed       bigint        default 0 not null,
    skipped      bigint        default 0 not null,
    last_error   varchar(1000),
    lock_version bigint        not null
);
insert into data_key_reseal (id, state, lock_version) values ('data', 'IDLE', 0);

-- A file re-sealed in place is compared by this version rather than by its bytes (which may be hundreds of MiB).
alter table stored_blob add column content_version bigint default 0 not null;
