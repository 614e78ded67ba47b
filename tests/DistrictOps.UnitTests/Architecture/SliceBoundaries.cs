using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace DistrictOps.UnitTests.Architecture;

/// <summary>
/// Finds a use case (slice) that uses a sibling slice inside its own module. A type may use its own
/// folder, the folders above it (an area, the module root) and the module's shared folders; the
/// module root and the demo seeds may use anything, since they wire and exercise the slices.
/// </summary>
public static class SliceBoundaries
{
    private const string RazorNamespace = "AspNetCoreGeneratedDocument";
    private const string Demo = "Demo";

    public static IReadOnlyList<string> Violations(Assembly assembly, string modulesNamespace, IReadOnlySet<string> sharedFolders)
    {
        var folders = new Folders(modulesNamespace, Types.InAssembly(assembly).GetTypes().Select(t => t.Namespace));
        var violations = new List<string>();
        foreach (var module in folders.Modules)
        {
            var paths = folders.PathsOf(module);
            foreach (var path in paths.Where(p => p.Length > 0 && p[0] != Demo))
            {
                var forbidden = paths
                    .Where(other => other.Length > 0 && !sharedFolders.Contains(other[0]) && !IsWithin(path, other))
                    .Select(other => folders.Namespace(module, other))
                    .ToArray();
                if (forbidden.Length == 0)
                {
                    continue;
                }

                var result = Types.InAssembly(assembly).That().MeetCustomRule(new InFolder(folders, module, path))
                    .ShouldNot().HaveDependencyOnAny(forbidden)
                    .GetResult();
                violations.AddRange((result.FailingTypeNames ?? []).Select(name => $"{module}/{string.Join('/', path)}: {name}"));
            }
        }

        return violations;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    private static bool IsWithin(string[] path, string[] folder) =>
        folder.Length <= path.Length && folder.SequenceEqual(path.Take(folder.Length));

    /// <summary>Every folder (namespace) of every module, as paths below the module.</summary>
    private sealed class Folders(string modulesNamespace, IEnumerable<string?> namespaces)
    {
        private readonly Dictionary<string, List<string[]>> byModule = namespaces
            .Where(ns => ns?.StartsWith(modulesNamespace + ".", StringComparison.Ordinal) == true)
            .Select(ns => ns![(modulesNamespace.Length + 1)..].Split('.'))
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.Select(parts => parts[1..]).Append([]).DistinctBy(p => string.Join('.', p)).ToList());

        public IEnumerable<string> Modules => byModule.Keys;

        public List<string[]> PathsOf(string module) => byModule[module];

        public string Namespace(string module, string[] path) => string.Join('.', [modulesNamespace, module, .. path]);

        /// <summary>The folder a type lives in; Razor names a view after its file, Modules_Helpdesk_Work_WorkTicket_Index.</summary>
        public string[]? PathOf(TypeDefinition type, string module)
        {
            while (type.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            var prefix = Namespace(module, []);
            if (type.Namespace == prefix || type.Namespace.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return type.Namespace == prefix ? [] : type.Namespace[(prefix.Length + 1)..].Split('.');
            }

            var razorPrefix = $"{modulesNamespace.Split('.')[^1]}_{module}_";
            if (type.Namespace != RazorNamespace || !type.Name.StartsWith(razorPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            var rest = type.Name[razorPrefix.Length..];
            return PathsOf(module)
                .Where(p => p.Length == 0 || rest.StartsWith(string.Join('_', p) + "_", StringComparison.Ordinal))
                .MaxBy(p => p.Length);
        }
    }

    private sealed class InFolder(Folders folders, string module, string[] path) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type) => folders.PathOf(type, module) is { } found && found.SequenceEqual(path);
    }
}
