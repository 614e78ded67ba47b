using System.Globalization;

namespace DistrictOps.Web.Modules.Rostering.ServeOneRosterApi;

public enum FilterOperator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,

    /// <summary><c>~</c>: the field contains the value, ignoring case.</summary>
    Contains,
}

/// <summary>A parsed <c>filter</c>: conditions joined by AND and OR, AND binding tighter.</summary>
public abstract record FilterNode
{
    public abstract IEnumerable<FilterCondition> Conditions { get; }
}

/// <summary>One <c>field op 'value'</c>.</summary>
public sealed record FilterCondition(string Field, FilterOperator Operator, string Value) : FilterNode
{
    public override IEnumerable<FilterCondition> Conditions => [this];
}

public sealed record FilterAll(IReadOnlyList<FilterNode> Parts) : FilterNode
{
    public override IEnumerable<FilterCondition> Conditions => Parts.SelectMany(p => p.Conditions);
}

public sealed record FilterAny(IReadOnlyList<FilterNode> Parts) : FilterNode
{
    public override IEnumerable<FilterCondition> Conditions => Parts.SelectMany(p => p.Conditions);
}

/// <summary>
/// The OneRoster REST binding's filter grammar (1.1 and 1.2): <c>field op 'value'</c> with the predicates
/// <c>= != &gt; &gt;= &lt; &lt;= ~</c>, conditions joined by <c>AND</c> or <c>OR</c> (AND first), values in single quotes.
/// Pure: what the fields mean is for the caller; the parser only names what it could not read, and where.
/// </summary>
public static class FilterParser
{
    public const int MaxConditions = 20;

    private static readonly (string Text, FilterOperator Operator)[] Operators =
    [
        ("!=", FilterOperator.NotEqual), (">=", FilterOperator.GreaterOrEqual), ("<=", FilterOperator.LessOrEqual),
        ("=", FilterOperator.Equal), (">", FilterOperator.Greater), ("<", FilterOperator.Less), ("~", FilterOperator.Contains),
    ];

    /// <summary>The filter, or the reason it cannot be read (naming the character position, 1-based).</summary>
    public static (FilterNode? Filter, string? Error) Parse(string text)
    {
        var reader = new Reader(text);
        var groups = new List<List<FilterNode>> { new() };
        while (true)
        {
            var (condition, error) = reader.Condition();
            if (condition is null)
            {
                return (null, error);
            }

            groups[^1].Add(condition);
            if (groups.Sum(g => g.Count) > MaxConditions)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"a filter has at most {MaxConditions} conditions."));
            }

            reader.SkipSpaces();
            if (reader.AtEnd)
            {
                break;
            }

            switch (reader.Keyword())
            {
                case "AND":
                    break;
                case "OR":
                    groups.Add([]);
                    break;
                default:
                    return (null, reader.Expected("AND or OR between two conditions"));
            }
        }

        var any = groups.Select(g => g.Count == 1 ? g[0] : new FilterAll(g)).ToList();
        return (any.Count == 1 ? any[0] : new FilterAny(any), null);
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        public string Expected(string what) => string.Create(CultureInfo.InvariantCulture, $"expected {what} at position {_at + 1}.");

        public string Keyword()
        {
            var start = _at;
            while (!AtEnd && char.IsLetter(text[_at]))
            {
                _at++;
            }

            var word = text[start.._at].ToUpperInvariant();
            if (word is "AND" or "OR" && (AtEnd || char.IsWhiteSpace(text[_at])))
            {
                return word;
            }

            _at = start;
            return "";
        }

        public (FilterCondition? Condition, string? Error) Condition()
        {
            SkipSpaces();
            var start = _at;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] is '.' or '_'))
            {
                _at++;
            }

            if (_at == start || !char.IsAsciiLetter(text[start]))
            {
                return (null, Expected("a field name"));
            }

            var field = text[start.._at];
            SkipSpaces();
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, _at, o.Text, 0, o.Text.Length) == 0);
            if (op.Text is null)
            {
                return (null, Expected($"one of = != > >= < <= ~ after {field}"));
            }

            _at += op.Text.Length;
            SkipSpaces();
            if (AtEnd || text[_at] != '\'')
            {
                return (null, Expected("a value in single quotes"));
            }

            var close = text.IndexOf('\'', _at + 1);
            if (close < 0)
            {
                return (null, Expected("the closing quote of the value started"));
            }

            var value = text[(_at + 1)..close];
            _at = close + 1;
            return (new FilterCondition(field, op.Operator, value), null);
        }
    }
}
