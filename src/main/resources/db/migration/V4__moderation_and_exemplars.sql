-- Moderation to consensus, the exemplar library and grade return of a round.

-- How a round turns scores into final scores: what counts as agreed, and what settles the rest.
alter table moderation_round add column tolerance varchar(16) default 'exact' not null;
alter table moderation_round add column adjacent_rule varchar(16) default 'moderator' not null;
alter table moderation_round add column discrepant_rule varchar(16) default 'moderator' not null;
alter table moderation_round add column grade_scale varchar(16) default 'range' not null;
alter table moderation_round add column grade_comment boolean default false not null;
alter table moderation_round add column scorers_revealed boolean default false not null;
alter table moderation_round add column finalised_at timestamp with time zone;
-- Whether the round's agreement figures are shared with its scorers beside their own.
alter table moderation_round add column report_shared boolean default false not null;

-- A third, blind scorer's seat is an adjudication seat; their score does not count in the agreement figures.
alter table seat add column kind varchar(16) default 'scoring' not null;
alter table score add column adjudication boolean default false not null;

-- A practice piece taken from the exemplar library: re-scoring it shows whether standards moved between rounds.
alter table calibration_item add column exemplar_id varchar(36);

-- Whether the student's work may be kept as an exemplar, as the school's records say (unknown, granted, declined).
alter table piece add column consent varchar(16) default 'unknown' not null;

-- A piece's final score. Moderators' decisions (consensus, condition codes) are kept as they are made;
-- automatic ones (agreed, rule, adjudication) are written when the round is finalised, and dropped on reopening.
create table piece_resolution (
    piece_id       varchar(36)  primary key references piece (id),
    round_id       varchar(36)  not null references moderation_round (id),
    method         varchar(16)  not null,
    automatic      boolean      not null,
    levels         varchar(2000) not null,
    condition_code varchar(32),
    rationale      varchar(8000),
    resolved_by    varchar(36)  references round_member (id),
    resolved_at    timestamp with time zone not null,
    lock_version   bigint       not null
);
create index piece_resolution_round on piece_resolution (round_id);

-- Each disputed piece's discussion, scorers and moderators, timestamped.
create table discussion_post (
    id         varchar(36)   primary key,
    round_id   varchar(36)   not null references moderation_round (id),
    piece_id   varchar(36)   not null references piece (id),
    member_id  varchar(36)   not null references round_member (id),
    body       varchar(4000) not null,
    posted_at  timestamp with time zone not null
);
create index discussion_post_piece on discussion_post (piece_id, posted_at);
create index discussion_post_round on discussion_post (round_id);

-- What the moderation meeting learned (seeds 000, step 9).
create table moderation_reflection (
    round_id     varchar(36)   primary key references moderation_round (id),
    task         varchar(8000),
    instruction  varchar(8000),
    criteria     varchar(8000),
    updated_by   varchar(36)   references round_member (id),
    updated_at   timestamp with time zone not null,
    lock_version bigint        not null
);

-- The exemplar library: a copy of the anonymised text, so an exemplar outlives its round, until its retention ends.
create table exemplar (
    id                   varchar(36)  primary key,
    platform_id          bigint       not null references platform (id),
    task                 varchar(200) not null,
    rubric_id            varchar(36)  not null references rubric (id),
    round_id             varchar(36)  references moderation_round (id),
    piece_id             varchar(36)  references piece (id),
    piece_code           varchar(16)  not null,
    criterion            varchar(100),
    score_point          integer      not null,
    levels               varchar(2000) not null,
    annotation           varchar(4000) not null,
    text                 varchar(100000),
    state                varchar(16)  not null,
    keep_until           date         not null,
    anonymity_checked_by varchar(100),
    anonymity_checked_at timestamp with time zone,
    created_by           varchar(100) not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    lock_version         bigint       not null
);
create index exemplar_library on exemplar (platform_id, rubric_id, state);
create index exemplar_piece on exemplar (piece_id);
