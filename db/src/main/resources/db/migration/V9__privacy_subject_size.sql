-- The erasure snapshot lists every IP address of the subject; a heavy mobile user can have thousands (> 64 KB).
ALTER TABLE privacy_request MODIFY COLUMN subject_enc MEDIUMBLOB;
