using Mono.Cecil;
using Mono.Cecil.Cil;

namespace DistrictOps.UnitTests.Architecture;

/// <summary>
/// Finds code that shows an instant itself instead of through the <c>&lt;instant&gt;</c> tag helper: read from IL, so a
/// helper method, lambda or interpolated string inside a view is seen like a direct <c>@at.ToString("g")</c>.
/// </summary>
public static class InstantDisplay
{
    private static readonly HashSet<string> InstantTypes = ["System.DateTimeOffset", "System.DateTime"];

    // Reading the clock's parts or converting zones is formatting by hand; comparisons and arithmetic are not.
    private static readonly HashSet<string> ShowingMembers =
    [
        "ToString", "ToLocalTime", "ToUniversalTime", "ToOffset", "get_LocalDateTime", "get_UtcDateTime", "get_DateTime",
        "get_Date", "get_TimeOfDay", "get_Hour", "get_Minute", "get_Day", "get_Month", "get_Year", "get_Offset",
    ];

    private static readonly HashSet<string> FormattingGenerics = ["AppendFormatted", "Format", "Join", "Concat"];

    public static IReadOnlyList<string> Violations(string assemblyPath, Func<TypeDefinition, bool> isView)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        return assembly.MainModule.Types.Where(isView)
            .SelectMany(view => WithNested(view).SelectMany(t => t.Methods).Where(m => m.HasBody)
                .SelectMany(m => m.Body.Instructions.Where(Shows).Select(i => $"{view.Name}: {Describe(i)}")))
            .Distinct()
            .ToList();
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static bool Shows(Instruction instruction) => instruction.Operand switch
    {
        GenericInstanceMethod generic => FormattingGenerics.Contains(generic.Name) && generic.GenericArguments.Any(IsInstant),
        MethodReference method => method.DeclaringType.FullName == "System.TimeZoneInfo"
            || (InstantTypes.Contains(method.DeclaringType.FullName) && ShowingMembers.Contains(method.Name)),
        TypeReference type when instruction.OpCode == OpCodes.Box => IsInstant(type) && !IsTagHelperAttribute(instruction),
        TypeReference type when instruction.OpCode == OpCodes.Constrained => IsInstant(type),
        _ => false,
    };

    /// <summary>An instant, or a nullable one.</summary>
    private static bool IsInstant(TypeReference type) =>
        InstantTypes.Contains(type.FullName)
        || (type is GenericInstanceType { ElementType.FullName: "System.Nullable`1" } nullable && InstantTypes.Contains(nullable.GenericArguments[0].FullName));

    /// <summary>
    /// Razor boxes a tag helper's property to record it as an attribute (<c>AddTagHelperAttribute</c>) right after setting it;
    /// that is the tag helper receiving the instant, not the view showing it.
    /// </summary>
    private static bool IsTagHelperAttribute(Instruction box)
    {
        var next = box.Next;
        for (var i = 0; i < 3 && next is not null; i++, next = next.Next)
        {
            if (next.Operand is MethodReference { Name: "AddTagHelperAttribute" })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Instruction instruction) => instruction.Operand switch
    {
        MethodReference method => $"{method.DeclaringType.Name}.{method.Name}",
        TypeReference type => $"{instruction.OpCode.Name} {type.Name}",
        _ => instruction.ToString(),
    };
}
