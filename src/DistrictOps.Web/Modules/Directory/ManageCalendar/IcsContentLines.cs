using System.Text;

namespace DistrictOps.Web.Modules.Directory.ManageCalendar;

internal sealed record ContentLine(int Line, string Name, string Parameters, string Value)
{
    public string? Parameter(string name)
    {
        foreach (var parameter in Parameters.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && parameter[..equals].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter[(equals + 1)..].Trim('"');
            }
        }

        return null;
    }
}

/// <summary>One VEVENT as written: its text for Ical.Net to read, and where each of its own properties is.</summary>
internal sealed record EventBlock(int BeginLine, string Text, IReadOnlyList<ContentLine> Properties, bool Unreadable)
{
    public ContentLine? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    public int LineOf(string name) => Property(name)?.Line ?? BeginLine;
}

internal sealed record IcsLayout(IReadOnlyList<EventBlock> Events, IReadOnlyList<(int? Line, string Message)> Problems);

/// <summary>
/// Reads an .ics file's content lines (RFC 5545 section 3.1: unfolding, NAME;PARAMS:VALUE) and its BEGIN/END nesting
/// with line numbers, which Ical.Net does not keep. Values are left to Ical.Net.
/// </summary>
internal static class IcsContentLines
{
    private sealed class OpenEvent(int beginLine, int beginIndex)
    {
        public int BeginLine { get; } = beginLine;

        public int BeginIndex { get; } = beginIndex;

        public List<ContentLine> Properties { get; } = [];

        public bool Unreadable { get; set; }
    }

    public static IcsLayout Read(string text)
    {
        var physical = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var events = new List<EventBlock>();
        var problems = new List<(int? Line, string Message)>();
        var open = new Stack<(string Name, int Line)>();
        OpenEvent? current = null;
        var sawCalendar = false;

        foreach (var (first, last, logical) in Unfold(physical, problems))
        {
            var line = first + 1;
            if (Split(line, logical) is not { } content)
            {
                problems.Add((line, $"'{Shorten(logical)}' is not a content line; expected NAME:VALUE or NAME;PARAMETERS:VALUE."));
                current?.Unreadable = true;
                continue;
            }

            if (content.Name == "BEGIN")
            {
                var component = content.Value.Trim().ToUpperInvariant();
                if (open.Count == 0 && component != "VCALENDAR")
                {
                    problems.Add((line, $"BEGIN:{component} comes before BEGIN:VCALENDAR; expected the file to start with BEGIN:VCALENDAR."));
                    return new IcsLayout(events, problems);
                }

                sawCalendar |= component == "VCALENDAR";
                if (component == "VEVENT" && open.Count == 1)
                {
                    current = new OpenEvent(line, first);
                }

                open.Push((component, line));
                continue;
            }

            if (content.Name == "END")
            {
                var component = content.Value.Trim().ToUpperInvariant();
                if (open.Count == 0 || open.Peek().Name != component)
                {
                    problems.Add((line, Mismatched(open, component)));
                    return new IcsLayout(events, problems);
                }

                open.Pop();
                if (component == "VEVENT" && current is not null && open.Count == 1)
                {
                    var eventText = string.Join("\r\n", physical[current.BeginIndex..(last + 1)]);
                    events.Add(new EventBlock(current.BeginLine, eventText, current.Properties, current.Unreadable));
                    current = null;
                }

                continue;
            }

            if (open.Count == 0)
            {
                problems.Add((line, $"{content.Name} is outside BEGIN:VCALENDAR..END:VCALENDAR; expected every property inside the calendar."));
            }
            else if (current is not null && open.Peek().Name == "VEVENT")
            {
                current.Properties.Add(content);
            }
        }

        if (EndOfFileProblem(open, sawCalendar) is { } problem)
        {
            problems.Add(problem);
        }

        return new IcsLayout(events, problems);
    }

    private static (int? Line, string Message)? EndOfFileProblem(Stack<(string Name, int Line)> open, bool sawCalendar)
    {
        if (open.Count > 0)
        {
            var (name, line) = open.Peek();
            return (line, $"BEGIN:{name} is never closed; expected END:{name} before the end of the file.");
        }

        return sawCalendar ? null : (null, "No BEGIN:VCALENDAR found; expected an iCalendar (.ics) file.");
    }

    private static string Mismatched(Stack<(string Name, int Line)> open, string component) => open.Count == 0
        ? $"END:{component} closes nothing; expected a matching BEGIN:{component} before it."
        : $"END:{component} does not close BEGIN:{open.Peek().Name} (line {open.Peek().Line}); expected END:{open.Peek().Name}.";

    private static IEnumerable<(int First, int Last, string Text)> Unfold(string[] physical, List<(int? Line, string Message)> problems)
    {
        StringBuilder? text = null;
        var first = 0;
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i];
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (text is null)
                {
                    if (line.Trim().Length > 0)
                    {
                        problems.Add((i + 1, "A folded line (starting with a space) continues nothing; expected it right after the line it continues."));
                    }
                }
                else
                {
                    text.Append(line, 1, line.Length - 1);
                }

                continue;
            }

            if (text is not null)
            {
                yield return (first, i - 1, text.ToString());
                text = null;
            }

            if (line.Length > 0)
            {
                text = new StringBuilder(line);
                first = i;
            }
        }

        if (text is not null)
        {
            yield return (first, physical.Length - 1, text.ToString());
        }
    }

    private static ContentLine? Split(int line, string text)
    {
        var quoted = false;
        var parametersAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ';' when !quoted && parametersAt < 0:
                    parametersAt = i;
                    break;
                case ':' when !quoted:
                    var nameEnd = parametersAt < 0 ? i : parametersAt;
                    var name = text[..nameEnd].Trim().ToUpperInvariant();
                    return name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                        ? null
                        : new ContentLine(line, name, parametersAt < 0 ? "" : text[(parametersAt + 1)..i], text[(i + 1)..]);
                default:
                    break;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
