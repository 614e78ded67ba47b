-- Removes the triggers and function of directory-data-version.sql.
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_sites;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_academic_sessions;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_courses;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_classes;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_people;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_person_sites;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_guardian_links;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_demographics;
DROP TRIGGER IF EXISTS directory_data_version_bump ON directory_enrollments;
DROP FUNCTION IF EXISTS directory_data_version_bump();
