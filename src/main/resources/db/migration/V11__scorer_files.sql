-- What scorers get of a file: a document rebuilt from the redacted content (a PDF or DOCX without the hidden
-- words, metadata and comments), or page images with names boxed out in the pixels (scans and photos).
alter table piece_file add column scorer_blob_id varchar(36) references stored_blob (id);
alter table piece_file add column scorer_media_type varchar(100);
alter table piece_file add column scorer_pages integer;
alter table piece_file add column scorer_note varchar(2000);
