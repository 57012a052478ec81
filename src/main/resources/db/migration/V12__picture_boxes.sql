-- Boxes a moderator draws by hand on a picture of a page (fractions of its width and height, as JSON), and the
-- picture as the automatic redaction left it, so boxes can be changed or taken away again.
alter table piece_file add column manual_boxes varchar(8000);
alter table piece_file add column scorer_base_blob_id varchar(36) references stored_blob (id);
