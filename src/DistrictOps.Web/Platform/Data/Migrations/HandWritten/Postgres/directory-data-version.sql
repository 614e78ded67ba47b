-- ADR 0025: every write to a table that the OneRoster import compares with moves directory_data_version, whoever makes
-- it, so a package fingerprint recorded at another version is never used. PostgreSQL triggers run once per statement (COPY included).
-- Safe to run again. ImportFingerprintTests.A_write_to_any_table_the_import_compares_with_moves_the_data_version checks
-- that every one of these tables moves the version.

CREATE OR REPLACE FUNCTION directory_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_data_version SET "Value" = "Value" + 1 WHERE "Id" = 1;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_sites;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_sites
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_academic_sessions;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_academic_sessions
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_courses;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_courses
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_classes;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_classes
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_people;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_people
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_person_sites;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_person_sites
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_guardian_links;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_guardian_links
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_demographics;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_demographics
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();

DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_enrollments;
CREATE TRIGGER directory_data_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_enrollments
    FOR EACH STATEMENT EXECUTE FUNCTION directory_data_version_bump();
