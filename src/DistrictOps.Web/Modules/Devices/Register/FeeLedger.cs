using DistrictOps.Web.Modules.Devices.Data;

namespace DistrictOps.Web.Modules.Devices.Register;

/// <summary>What a ledger adds up to: charges raise the balance, payments and waivers lower it.</summary>
public readonly record struct FeeTotals(long ChargedCents, long PaidCents, long WaivedCents)
{
    public long BalanceCents => ChargedCents - PaidCents - WaivedCents;

    public static FeeTotals Of(IEnumerable<(FeeEntryKind Kind, long AmountCents)> entries)
    {
        var (charged, paid, waived) = (0L, 0L, 0L);
        foreach (var (kind, amount) in entries)
        {
            switch (kind)
            {
                case FeeEntryKind.Charge:
                    charged += amount;
                    break;
                case FeeEntryKind.Payment:
                    paid += amount;
                    break;
                default:
                    waived += amount;
                    break;
            }
        }

        return new FeeTotals(charged, paid, waived);
    }

    public FeeTotals Add(FeeTotals other) => new(ChargedCents + other.ChargedCents, PaidCents + other.PaidCents, WaivedCents + other.WaivedCents);
}

/// <summary>
/// The ledger's rules, pure: a charge belongs to an incident, and payments and waivers are recorded against an incident's
/// charge, so what is still owed is counted per incident; nothing is paid or waived beyond it (no credit balances).
/// </summary>
public static class FeeLedger
{
    /// <summary>What is still owed on each incident's charges, for entries of any incidents.</summary>
    public static IReadOnlyDictionary<long, FeeTotals> ByIncident(IEnumerable<(long? IncidentId, FeeEntryKind Kind, long AmountCents)> entries) =>
        entries.Where(e => e.IncidentId is not null)
            .GroupBy(e => e.IncidentId!.Value)
            .ToDictionary(g => g.Key, g => FeeTotals.Of(g.Select(e => (e.Kind, e.AmountCents))));

    /// <summary>Why an entry of <paramref name="amountCents"/> may not be recorded on a charge with <paramref name="openCents"/> still owed; null when it may.</summary>
    public static string? Refusal(FeeEntryKind kind, long amountCents, long openCents)
    {
        if (amountCents <= 0)
        {
            return "The amount must be more than $0.00.";
        }

        if (kind == FeeEntryKind.Charge)
        {
            return null;
        }

        var what = kind == FeeEntryKind.Payment ? "payment" : "waiver";
        return openCents <= 0 ? $"Nothing is owed on this charge, so there is nothing to record a {what} against."
            : amountCents > openCents ? $"A {what} of {Money.Format(amountCents)} is more than the {Money.Format(openCents)} still owed on this charge."
            : null;
    }
}
