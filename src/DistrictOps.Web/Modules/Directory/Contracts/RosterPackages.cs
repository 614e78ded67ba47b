using DistrictOps.Web.Modules.Directory.Importing;

namespace DistrictOps.Web.Modules.Directory.Contracts;

/// <summary>
/// The OneRoster 1.1 and 1.2 CSV files as the Directory's import reads them, for those who write packages: the file names,
/// each file's columns in spec order, and the value sets a writer must keep to. One source with the import (OneRosterSpec).
/// </summary>
public static class OneRosterFiles
{
    public const string Manifest = OneRosterSpec.Manifest;
    public const string AcademicSessions = OneRosterSpec.AcademicSessions;
    public const string Orgs = OneRosterSpec.Orgs;
    public const string Courses = OneRosterSpec.Courses;
    public const string Classes = OneRosterSpec.Classes;
    public const string Users = OneRosterSpec.Users;
    public const string Roles = OneRosterSpec.Roles;
    public const string Enrollments = OneRosterSpec.Enrollments;
    public const string Demographics = OneRosterSpec.Demographics;

    /// <summary>The data files of a version in the order the import reads them (1.1 has no roles.csv).</summary>
    public static IReadOnlyList<string> DataFiles(string version) => OneRosterSpec.ImportOrder.Where(f => OneRosterSpec.Columns(version, f) is not null).ToList();

    /// <summary>A file's columns in spec order; null when the version has no such file.</summary>
    public static IReadOnlyList<string>? Columns(string version, string file) => OneRosterSpec.Columns(version, file);

    /// <summary>The user roles a version allows (1.1: users.csv's role; 1.2: roles.csv's role).</summary>
    public static IReadOnlyList<string> UserRoles(string version) => version == "1.1" ? OneRosterSpec.UserRoles11 : OneRosterSpec.UserRoles12;

    public static IReadOnlyList<string> EnrollmentRoles => OneRosterSpec.EnrollmentRoles;
}

/// <summary>How a package fared against the import's rules: how many errors, and the first ones as <c>file:line:column — message</c>.</summary>
public sealed record RosterPackageCheck(int ErrorCount, IReadOnlyList<string> FirstErrors)
{
    public bool Passed => ErrorCount == 0;
}

/// <summary>
/// Checks a OneRoster zip by every rule the Directory's import applies, writing nothing. A package whose every file is bulk is
/// checked as a fresh database would import it (it must stand on its own); one with a delta file is checked against what the
/// Directory holds, as the receiver of the earlier packages holds it. Every warning counts as an error (strict), since a
/// package written by DistrictOps has no reason to need a normalisation.
/// </summary>
public interface IRosterPackageCheck
{
    Task<RosterPackageCheck> CheckAsync(string zipPath, CancellationToken cancellationToken = default);
}
