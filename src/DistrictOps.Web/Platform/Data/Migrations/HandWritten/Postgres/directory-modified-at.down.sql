-- Nothing to undo: the column goes with the generated migration.
SELECT 1;
