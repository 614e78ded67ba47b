namespace DistrictOps.Web.Modules.Directory.Demo;

internal readonly record struct Weighted<T>(T Value, int Weight);

/// <summary>The few kinds of draw the generator makes, all from the one seeded <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    public static T One<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T OneOf<T>(this Random random, IReadOnlyList<Weighted<T>> items)
    {
        var total = 0;
        foreach (var item in items)
        {
            total += item.Weight;
        }

        var pick = random.Next(total);
        foreach (var item in items)
        {
            pick -= item.Weight;
            if (pick < 0)
            {
                return item.Value;
            }
        }

        throw new InvalidOperationException("Weights must be positive.");
    }

    public static DateOnly Between(this Random random, DateOnly earliest, DateOnly latest) =>
        earliest.AddDays(random.Next(latest.DayNumber - earliest.DayNumber + 1));
}
