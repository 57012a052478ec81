-- The release review: what the anonymiser found in each piece and what a moderator decided, and the moment a
-- round's pieces were released to scorers.

-- The piece's text before anonymising and its spans (JSON: start, end, label, origin, decision). Read only by the
-- review, like piece_identity: it holds the names the scorers' text has not.
create table piece_review (
    piece_id      varchar(36)     primary key references piece (id),
    original_text varchar(100000) not null,
    spans         varchar(400000) not null,
    lock_version  bigint          not null
);

alter table moderation_round add column released_at timestamp with time zone;
alter table moderation_round add column released_by varchar(36);
