using System.Reflection;
using NetArchTest.Rules;

namespace DistrictOps.UnitTests.Architecture;

/// <summary>Finds uses of one module's internals by another: only a module's Contracts are public to the rest.</summary>
public static class ModuleBoundaries
{
    private const string RazorNamespace = "AspNetCoreGeneratedDocument";

    public static IReadOnlyList<string> Violations(Assembly assembly, string modulesNamespace)
    {
        var types = Types.InAssembly(assembly).GetTypes().ToList();
        var byModule = types
            .Select(t => (Type: t, Module: ModuleOf(t, modulesNamespace)))
            .Where(x => x.Module is not null)
            .GroupBy(x => x.Module!)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Type).ToList());

        var violations = new List<string>();
        foreach (var module in byModule.Keys)
        {
            var forbidden = byModule
                .Where(other => other.Key != module)
                .SelectMany(other => other.Value.Where(t => !IsContract(t, modulesNamespace, other.Key)).Select(t => t.FullName!))
                .ToArray();
            if (forbidden.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(assembly).That()
                .ResideInNamespace($"{modulesNamespace}.{module}")
                .Or().HaveNameStartingWith(RazorPrefix(modulesNamespace, module))
                .ShouldNot().HaveDependencyOnAny(forbidden)
                .GetResult();
            violations.AddRange((result.FailingTypeNames ?? []).Select(name => $"{module}: {name}"));
        }

        return violations;
    }

    private static string? ModuleOf(Type type, string modulesNamespace)
    {
        if (type.Namespace?.StartsWith(modulesNamespace + ".", StringComparison.Ordinal) == true)
        {
            return type.Namespace[(modulesNamespace.Length + 1)..].Split('.')[0];
        }

        // Razor compiles Modules/Users/ListUsers/Index.cshtml to AspNetCoreGeneratedDocument.Modules_Users_ListUsers_Index.
        var folder = modulesNamespace.Split('.')[^1] + "_";
        return type.Namespace == RazorNamespace && type.Name.StartsWith(folder, StringComparison.Ordinal)
            ? type.Name[folder.Length..].Split('_')[0]
            : null;
    }

    private static string RazorPrefix(string modulesNamespace, string module) => $"{modulesNamespace.Split('.')[^1]}_{module}_";

    private static bool IsContract(Type type, string modulesNamespace, string module) =>
        type.Namespace?.StartsWith($"{modulesNamespace}.{module}.Contracts", StringComparison.Ordinal) == true;
}
