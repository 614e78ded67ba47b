-- Each imported row's ModifiedAt from the import history: the start of the newest run that added, changed or removed it
-- (the importer stamps rows with its run's start from now on).
-- Only when there is history: the data-version triggers are per statement, and a fresh database must stay at version 0.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM directory_import_changes) THEN
    UPDATE directory_sites SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'Site' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_sites."Id";
    UPDATE directory_academic_sessions SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'AcademicSession' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_academic_sessions."Id";
    UPDATE directory_courses SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'Course' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_courses."Id";
    UPDATE directory_classes SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'ClassSection' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_classes."Id";
    UPDATE directory_people SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'Person' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_people."Id";
    UPDATE directory_enrollments SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'Enrollment' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_enrollments."Id";
    UPDATE directory_demographics SET "ModifiedAt" = m.at
    FROM (SELECT c."EntityId" AS id, MAX(r."StartedAt") AS at
          FROM directory_import_changes c JOIN directory_import_runs r ON r."Id" = c."RunId"
          WHERE c."Entity" = 'Demographics' GROUP BY c."EntityId") AS m
    WHERE m.id = directory_demographics."PersonId";
  END IF;
END $$;
