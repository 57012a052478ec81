-- Rubrics: criteria x score points, kept as the JSON definition the rubric core reads and writes.
-- A family's versions share `family`; a version used by a round is frozen, edits make the next one.
-- Shipped rubrics have no platform and are visible everywhere.
create table rubric (
    id           varchar(36)  primary key,
    family       varchar(80)  not null,
    version      integer      not null,
    platform_id  bigint references platform (id),
    title        varchar(200) not null,
    definition   varchar(300000) not null,
    frozen       boolean      not null,
    created_by   varchar(36),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    lock_version bigint       not null,
    constraint rubric_family_version unique (family, version)
);

-- A moderation round in a course (and the placement it was set up from).
create table moderation_round (
    id                   varchar(36)  primary key,
    platform_id          bigint       not null references platform (id),
    course_id            varchar(36)  not null references course (id),
    placement_id         varchar(36)  references placement (id),
    title                varchar(200) not null,
    task                 varchar(4000),
    rubric_id            varchar(36)  not null references rubric (id),
    phase                varchar(16)  not null,
    scorers_per_piece    integer      not null,
    all_score_all        boolean      not null,
    multi_scored_share   double precision not null,
    capacity_weighted    boolean      not null,
    seed                 bigint       not null,
    calibration_required boolean      not null,
    qualifying_agreement double precision not null,
    join_code            varchar(16)  not null,
    allocation_stale     boolean      not null,
    created_by           varchar(36)  not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    lock_version         bigint       not null,
    constraint round_join_code unique (join_code)
);
create index round_course on moderation_round (course_id);

-- Scorers and moderators of a round, by platform user id (a roster teacher may not have launched yet).
create table round_member (
    id           varchar(36)  primary key,
    round_id     varchar(36)  not null references moderation_round (id),
    platform_id  bigint       not null references platform (id),
    subject      varchar(255) not null,
    name         varchar(255),
    scorer       boolean      not null,
    moderator    boolean      not null,
    capacity     integer      not null,
    teaches      varchar(2000) not null,
    active       boolean      not null,
    joined_via   varchar(16)  not null,
    joined_at    timestamp with time zone not null,
    lock_version bigint       not null,
    constraint round_member_once unique (round_id, platform_id, subject)
);
create index round_member_person on round_member (platform_id, subject);

-- A piece of work as scorers see it: a random code and the text; origin = the class it came from.
create table piece (
    id         varchar(36)  primary key,
    round_id   varchar(36)  not null references moderation_round (id),
    code       varchar(16)  not null,
    text       varchar(100000) not null,
    words      integer      not null,
    origin     varchar(255),
    source     varchar(16)  not null,
    created_at timestamp with time zone not null,
    constraint piece_code_per_round unique (round_id, code)
);

-- Whose work a piece is: kept apart, read only for grade return, never by any scorer-facing query.
create table piece_identity (
    piece_id        varchar(36)  primary key references piece (id),
    platform_id     bigint       not null references platform (id),
    learner_subject varchar(255) not null
);

-- The allocation: which scorer scores which piece, at which place in their own queue.
create table seat (
    id          varchar(36) primary key,
    round_id    varchar(36) not null references moderation_round (id),
    piece_id    varchar(36) not null references piece (id),
    member_id   varchar(36) not null references round_member (id),
    position    integer     not null,
    constraint seat_once unique (piece_id, member_id)
);
create index seat_queue on seat (member_id, position);
create index seat_round on seat (round_id);

-- The last run of the allocator for a round: what it could not place and what it avoided.
create table allocation_run (
    round_id          varchar(36) primary key references moderation_round (id),
    seed              bigint      not null,
    conflicts_avoided integer     not null,
    kept              integer     not null,
    unallocated       varchar(100000) not null,
    run_by            varchar(36) not null,
    run_at            timestamp with time zone not null
);

-- One scorer's score of one piece: draft while autosaved, submitted when the scorer says so.
create table score (
    id                  varchar(36)  primary key,
    round_id            varchar(36)  not null references moderation_round (id),
    piece_id            varchar(36)  not null references piece (id),
    member_id           varchar(36)  not null references round_member (id),
    levels              varchar(2000) not null,
    caps                varchar(2000) not null,
    condition_code      varchar(32),
    flags               varchar(200) not null,
    suggested_condition varchar(32),
    flag_note           varchar(2000),
    rationale           varchar(8000),
    evidence            varchar(8000),
    state               varchar(16)  not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    submitted_at        timestamp with time zone,
    lock_version        bigint       not null,
    constraint score_once unique (piece_id, member_id)
);
create index score_member on score (member_id, state);
create index score_round on score (round_id);

-- Every change to a score: who, when, before and after (JSON).
create table score_change (
    id         bigint       primary key,
    score_id   varchar(36)  not null references score (id),
    member_id  varchar(36)  not null references round_member (id),
    changed_at timestamp with time zone not null,
    before     varchar(20000),
    after      varchar(20000) not null
);
create sequence score_change_seq start with 50 increment by 50;
create index score_change_score on score_change (score_id, changed_at);

-- Flags scorers raise for the moderators (sensitive content at once, unsure, file problem, condition).
create table piece_flag (
    id                  varchar(36)  primary key,
    round_id            varchar(36)  not null references moderation_round (id),
    piece_id            varchar(36)  not null references piece (id),
    member_id           varchar(36)  not null references round_member (id),
    kind                varchar(32)  not null,
    note                varchar(2000),
    raised_at           timestamp with time zone not null,
    acknowledged_at     timestamp with time zone,
    acknowledged_by     varchar(36),
    lock_version        bigint       not null,
    constraint flag_once unique (piece_id, member_id, kind)
);
create index flag_round on piece_flag (round_id, acknowledged_at);

-- The calibration set: practice pieces with the agreed score and the annotation of why.
create table calibration_item (
    id         varchar(36)  primary key,
    round_id   varchar(36)  not null references moderation_round (id),
    position   integer      not null,
    text       varchar(100000) not null,
    levels     varchar(2000) not null,
    annotation varchar(4000),
    created_at timestamp with time zone not null
);

create table calibration_attempt (
    id           varchar(36) primary key,
    round_id     varchar(36) not null references moderation_round (id),
    item_id      varchar(36) not null references calibration_item (id),
    member_id    varchar(36) not null references round_member (id),
    levels       varchar(2000) not null,
    caps         varchar(2000) not null,
    exact        boolean     not null,
    adjacent     boolean     not null,
    attempted_at timestamp with time zone not null,
    constraint attempt_once unique (item_id, member_id)
);
