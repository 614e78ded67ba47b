namespace DistrictOps.Web.Modules.Knowledge.Data;

public enum ArticleKind
{
    Article,
    Procedure,
}

/// <summary>Who may read an article once it is published; each audience also reads the ones after it.</summary>
public enum ArticleAudience
{
    Technicians,
    Staff,
    Public,
}

/// <summary>Where the article's latest version stands: written, waiting for a reviewer, live, or taken down.</summary>
public enum ArticleStatus
{
    Draft,
    InReview,
    Published,
    Retired,
}

/// <summary>
/// An article or a procedure in one language. Its translations share its <see cref="Slug"/>. The content columns hold
/// what readers see: the live version once one was published (a later draft waits in <see cref="ArticleVersion"/>), the
/// latest draft before that. <see cref="Status"/> is the latest version's.
/// </summary>
public sealed class Article
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 300;
    public const int BodyMaxLength = 50_000;
    public const int TagsMaxLength = 300;
    public const int DeviceModelsMaxLength = 500;
    public const int LanguageMaxLength = 8;
    public const int NameMaxLength = 200;

    public long Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>"en" or "es" (<see cref="ArticleLanguages"/>).</summary>
    public required string Language { get; set; }

    public ArticleKind Kind { get; set; }

    public ArticleAudience Audience { get; set; }

    public ArticleStatus Status { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Markdown; a procedure's numbered steps are a <c>:::steps</c> block in it (<see cref="Articles.ArticleMarkdown"/>).</summary>
    public required string Body { get; set; }

    /// <summary>The body as words, for the full-text index and snippets.</summary>
    public required string PlainText { get; set; }

    /// <summary>Lower-case tags, comma-separated.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Device models the article is about (as tickets name them), comma-separated.</summary>
    public string DeviceModels { get; set; } = "";

    /// <summary>Help desk issue types it answers, most specific first.</summary>
    public List<ArticleCategory> Categories { get; set; } = [];

    public Guid? OwnerUserId { get; set; }

    public required string OwnerName { get; set; }

    public int ReviewMonths { get; set; } = 12;

    /// <summary>The day the owner should read it again; a reminder goes once per date.</summary>
    public DateOnly? ReviewBy { get; set; }

    public DateOnly? ReminderSentFor { get; set; }

    public int LatestVersion { get; set; }

    public int? LiveVersion { get; set; }

    /// <summary>The ticket or problem record it was written from, if any.</summary>
    public long? SourceTicketId { get; set; }

    public long? SourceProblemId { get; set; }

    public int Views { get; set; }

    public int Helpful { get; set; }

    public int NotHelpful { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it was taken down; a later version that is approved puts it back.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Readers see it: a version went live and it is not retired.</summary>
    public bool IsLive => LiveVersion is not null && RetiredAt is null;
}

/// <summary>An issue type an article answers (a category): the Ask-for-help form suggests it for that type.</summary>
public sealed class ArticleCategory
{
    public long ArticleId { get; set; }

    public int IssueTypeId { get; set; }

    /// <summary>0 for the most specific.</summary>
    public int Order { get; set; }
}

/// <summary>Every saved state of an article's content, numbered from 1; restoring one saves it again as the next.</summary>
public sealed class ArticleVersion
{
    public const int NoteMaxLength = 500;

    public long Id { get; set; }

    public long ArticleId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string Body { get; set; }

    public ArticleAudience Audience { get; set; }

    public string Tags { get; set; } = "";

    public string CategoryIds { get; set; } = "";

    public string DeviceModels { get; set; } = "";

    public Guid? EditedByUserId { get; set; }

    public required string EditedByName { get; set; }

    public DateTimeOffset EditedAt { get; set; }

    /// <summary>What changed, in the editor's words, or what the workflow did ("Restored version 3").</summary>
    public string? Note { get; set; }

    /// <summary>Who approved it, when it went live.</summary>
    public string? ApprovedByName { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
}

/// <summary>
/// A picture or PDF kept with an article: pictures are shown in its body (<c>![what it shows](/knowledge/files/12/name.png)</c>),
/// PDFs offered as attachments (a form to print). Readers get it when they may read the article.
/// </summary>
public sealed class ArticleFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public long Id { get; set; }

    public long ArticleId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public int Size { get; set; }

    public required byte[] Content { get; set; }

    public required string Sha256 { get; set; }

    public required string UploadedByName { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>One person's vote on an article; voting again replaces it.</summary>
public sealed class ArticleVote
{
    public const int CommentMaxLength = 1_000;

    public long Id { get; set; }

    public long ArticleId { get; set; }

    public Guid UserId { get; set; }

    public bool Helpful { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>Something the owner should look at: a "not helpful" vote with its comment, or a reviewer's request.</summary>
public sealed class ReviewTask
{
    public const int ReasonMaxLength = 1_000;

    public long Id { get; set; }

    public long ArticleId { get; set; }

    public required string Reason { get; set; }

    public required string RaisedByName { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? DoneByName { get; set; }
}

/// <summary>
/// A request that ended before a ticket: the person said a suggested article solved it. Only the article, the site and
/// issue type they had chosen and the time are kept, never what they typed.
/// </summary>
public sealed class Deflection
{
    public long Id { get; set; }

    public long ArticleId { get; set; }

    public Guid? UserId { get; set; }

    public Guid? SiteId { get; set; }

    public int? IssueTypeId { get; set; }

    public DateTimeOffset At { get; set; }
}

public static class ArticleLanguages
{
    public const string English = "en";
    public const string Spanish = "es";

    public static readonly IReadOnlyList<string> All = [English, Spanish];

    public static string Name(string language) => language == Spanish ? "Español" : "English";
}
