using System.Security.Cryptography;

namespace DistrictOps.Web.Modules.Accounts.Register;

/// <summary>
/// First passwords that meet Active Directory's complexity rule (three of upper case, lower case, digits, symbols; not the
/// username): a young student's is three short words and two digits ("Maple-River-Cloud-42"), everyone else's 14 random
/// characters without look-alikes (no 0/O, 1/l/I).
/// </summary>
public static class InitialPasswords
{
    private static readonly string[] Words =
    [
        "Apple", "Bear", "Berry", "Bird", "Cloud", "Comet", "Corn", "Deer", "Dune", "Eagle", "Fern", "Fish", "Frog", "Gold", "Grape", "Hill",
        "Kite", "Lake", "Leaf", "Lemon", "Lion", "Maple", "Moon", "Mouse", "Nest", "Oak", "Ocean", "Otter", "Owl", "Panda", "Pearl", "Pine",
        "Plum", "Pond", "Rain", "River", "Robin", "Rock", "Rose", "Sand", "Seal", "Shell", "Sky", "Snow", "Star", "Stone", "Sun", "Tiger",
        "Tree", "Tulip", "Wave", "Whale", "Wind", "Wolf", "Zebra", "Acorn", "Badger", "Cedar", "Daisy", "Ember", "Fox", "Hawk", "Iris", "Juniper",
    ];

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#%+-=?@";

    public static string New(bool passphrase)
    {
        if (passphrase)
        {
            return $"{Pick(Words)}-{Pick(Words)}-{Pick(Words)}-{RandomNumberGenerator.GetInt32(10, 100)}";
        }

        // One of each class, then any; shuffled so the classes are not in a fixed place.
        var all = Upper + Lower + Digits + Symbols;
        var chars = new List<char> { Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols) };
        while (chars.Count < 14)
        {
            chars.Add(Pick(all));
        }

        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
    }

    private static string Pick(string[] words) => words[RandomNumberGenerator.GetInt32(words.Length)];

    private static char Pick(string chars) => chars[RandomNumberGenerator.GetInt32(chars.Length)];
}
