-- Intake: submissions pulled from an LMS, an export ZIP or an upload become pieces through import jobs.

-- Originals and uploads, by content hash. Never served to scorers.
create table stored_blob (
    id         varchar(36)  primary key,
    sha256     varchar(64)  not null,
    size_bytes bigint       not null,
    media_type varchar(120) not null,
    content    bytea        not null,
    created_at timestamp with time zone not null
);
create index stored_blob_hash on stored_blob (sha256);

-- One import into a round: its source, its progress, and who may resume it. A node works on a job while
-- it holds the lease; a job whose lease ran out (its node died) is taken up again.
create table import_job (
    id            varchar(36)  primary key,
    round_id      varchar(36)  not null references moderation_round (id),
    kind          varchar(16)  not null,
    label         varchar(300) not null,
    params        varchar(8000) not null,
    state         varchar(16)  not null,
    total         integer      not null,
    added         integer      not null,
    updated       integer      not null,
    unchanged     integer      not null,
    failed        integer      not null,
    message       varchar(2000),
    attempts      integer      not null,
    claimed_until timestamp with time zone,
    created_by    varchar(36)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    lock_version  bigint       not null
);
create index import_job_round on import_job (round_id);
create index import_job_state on import_job (state);

-- One submission within an import: pending until it became (or changed) a piece, or failed with a reason.
create table import_item (
    id          varchar(36)   primary key,
    job_id      varchar(36)   not null references import_job (id),
    position    integer       not null,
    source_key  varchar(200)  not null,
    fingerprint varchar(200)  not null,
    handle      varchar(4000) not null,
    state       varchar(16)   not null,
    reason      varchar(2000),
    piece_id    varchar(36)   references piece (id),
    updated_at  timestamp with time zone not null,
    constraint import_item_once unique (job_id, source_key)
);
create index import_item_job on import_item (job_id, position);

-- What a round already holds from each source submission, so importing again adds new or changed work only.
create table round_submission (
    round_id    varchar(36)  not null references moderation_round (id),
    source_key  varchar(200) not null,
    fingerprint varchar(200) not null,
    piece_id    varchar(36)  not null references piece (id),
    imported_at timestamp with time zone not null,
    primary key (round_id, source_key)
);

-- The files a piece was made from (originals, moderator-only), with what extraction made of them.
create table piece_file (
    id          varchar(36)  primary key,
    piece_id    varchar(36)  not null references piece (id),
    blob_id     varchar(36)  not null references stored_blob (id),
    position    integer      not null,
    name        varchar(255) not null,
    format      varchar(16)  not null,
    pages       integer      not null,
    needs_check boolean      not null
);
create index piece_file_piece on piece_file (piece_id);

-- Pieces left out of a round, with the reason (consent declined, wrong assignment, duplicate, ...).
alter table piece add column excluded_reason varchar(24);
alter table piece add column excluded_note varchar(1000);
alter table piece add column attempt integer default 1 not null;
alter table piece add column needs_check boolean default false not null;

-- A Moodle site's web-service token per platform, encrypted with the data key.
create table moodle_connection (
    platform_id  bigint        primary key references platform (id),
    site_url     varchar(500)  not null,
    token        varchar(2000) not null,
    updated_by   varchar(64)   not null,
    updated_at   timestamp with time zone not null,
    lock_version bigint        not null
);
