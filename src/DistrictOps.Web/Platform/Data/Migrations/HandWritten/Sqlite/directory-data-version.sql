-- ADR 0025: every write to a table that the OneRoster import compares with moves directory_data_version, whoever makes
-- it, so a package fingerprint recorded at another version is never used. SQLite triggers run once per row.
-- Safe to run again: a migration that rebuilds one of these tables drops its triggers and must then apply this file again
-- (ImportFingerprintTests.A_write_to_any_table_the_import_compares_with_moves_the_data_version fails until it does).

DROP TRIGGER IF EXISTS directory_sites_version_insert;
CREATE TRIGGER directory_sites_version_insert AFTER INSERT ON directory_sites BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_sites_version_update;
CREATE TRIGGER directory_sites_version_update AFTER UPDATE ON directory_sites BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_sites_version_delete;
CREATE TRIGGER directory_sites_version_delete AFTER DELETE ON directory_sites BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_academic_sessions_version_insert;
CREATE TRIGGER directory_academic_sessions_version_insert AFTER INSERT ON directory_academic_sessions BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_academic_sessions_version_update;
CREATE TRIGGER directory_academic_sessions_version_update AFTER UPDATE ON directory_academic_sessions BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_academic_sessions_version_delete;
CREATE TRIGGER directory_academic_sessions_version_delete AFTER DELETE ON directory_academic_sessions BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_courses_version_insert;
CREATE TRIGGER directory_courses_version_insert AFTER INSERT ON directory_courses BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_courses_version_update;
CREATE TRIGGER directory_courses_version_update AFTER UPDATE ON directory_courses BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_courses_version_delete;
CREATE TRIGGER directory_courses_version_delete AFTER DELETE ON directory_courses BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_classes_version_insert;
CREATE TRIGGER directory_classes_version_insert AFTER INSERT ON directory_classes BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_classes_version_update;
CREATE TRIGGER directory_classes_version_update AFTER UPDATE ON directory_classes BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_classes_version_delete;
CREATE TRIGGER directory_classes_version_delete AFTER DELETE ON directory_classes BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_people_version_insert;
CREATE TRIGGER directory_people_version_insert AFTER INSERT ON directory_people BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_people_version_update;
CREATE TRIGGER directory_people_version_update AFTER UPDATE ON directory_people BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_people_version_delete;
CREATE TRIGGER directory_people_version_delete AFTER DELETE ON directory_people BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_person_sites_version_insert;
CREATE TRIGGER directory_person_sites_version_insert AFTER INSERT ON directory_person_sites BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_person_sites_version_update;
CREATE TRIGGER directory_person_sites_version_update AFTER UPDATE ON directory_person_sites BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_person_sites_version_delete;
CREATE TRIGGER directory_person_sites_version_delete AFTER DELETE ON directory_person_sites BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_guardian_links_version_insert;
CREATE TRIGGER directory_guardian_links_version_insert AFTER INSERT ON directory_guardian_links BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_guardian_links_version_update;
CREATE TRIGGER directory_guardian_links_version_update AFTER UPDATE ON directory_guardian_links BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_guardian_links_version_delete;
CREATE TRIGGER directory_guardian_links_version_delete AFTER DELETE ON directory_guardian_links BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_demographics_version_insert;
CREATE TRIGGER directory_demographics_version_insert AFTER INSERT ON directory_demographics BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_demographics_version_update;
CREATE TRIGGER directory_demographics_version_update AFTER UPDATE ON directory_demographics BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_demographics_version_delete;
CREATE TRIGGER directory_demographics_version_delete AFTER DELETE ON directory_demographics BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_enrollments_version_insert;
CREATE TRIGGER directory_enrollments_version_insert AFTER INSERT ON directory_enrollments BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_enrollments_version_update;
CREATE TRIGGER directory_enrollments_version_update AFTER UPDATE ON directory_enrollments BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;

DROP TRIGGER IF EXISTS directory_enrollments_version_delete;
CREATE TRIGGER directory_enrollments_version_delete AFTER DELETE ON directory_enrollments BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
END;
