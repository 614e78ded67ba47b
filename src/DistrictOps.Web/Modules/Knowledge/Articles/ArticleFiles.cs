using System.Security.Cryptography;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform;
using DistrictOps.Web.Platform.Data;
using DistrictOps.Web.Platform.Uploads;
using Microsoft.EntityFrameworkCore;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

/// <summary>A file of an article as pages and the API list it: its address, and the Markdown that shows a picture.</summary>
public sealed record ArticleFileRef(long Id, string FileName, string ContentType, int Size, bool IsImage, string Url, DateTimeOffset UploadedAt)
{
    public string Markdown => IsImage ? $"![{Path.GetFileNameWithoutExtension(FileName)}]({Url})" : $"[{FileName}]({Url})";
}

/// <summary>
/// Pictures and PDFs kept with an article, under the platform's upload rules (a picture or PDF by its content, at most
/// <see cref="ArticleFile.MaxBytes"/>, a clean name). The same content again is the same file. A reader gets a file only
/// when they may read its article.
/// </summary>
public sealed class ArticleFiles(AppDbContext db, TimeProvider clock)
{
    public const string Field = "file";

    public static string UrlOf(long id, string fileName) => $"{ArticleMarkdown.FilesPath}{id}/{Uri.EscapeDataString(fileName)}";

    public async Task<Result<ArticleFileRef>> AddAsync(long articleId, string? fileName, Stream content, KnowledgeReader writer, CancellationToken cancellationToken = default)
    {
        if (!writer.Writes)
        {
            return Result.Forbidden("Only technicians add files to articles.");
        }

        if (!await db.Set<Article>().AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return Result.NotFound($"There is no article {articleId}.");
        }

        var checkedFile = await UploadCheck.CheckAsync(fileName, content, ArticleFile.MaxBytes, Field, cancellationToken);
        if (!checkedFile.Succeeded)
        {
            return checkedFile.Failure;
        }

        var file = checkedFile.Value;
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        var stored = await db.Set<ArticleFile>().AsNoTracking().SingleOrDefaultAsync(f => f.ArticleId == articleId && f.Sha256 == sha, cancellationToken);
        if (stored is null)
        {
            stored = new ArticleFile
            {
                ArticleId = articleId, FileName = file.Name, ContentType = file.ContentType, Size = file.Content.Length, Content = file.Content, Sha256 = sha,
                UploadedByName = writer.Name, UploadedAt = clock.GetUtcNow(),
            };
            db.Add(stored);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Ref(stored.Id, stored.FileName, stored.ContentType, stored.Size, stored.UploadedAt);
    }

    public async Task<IReadOnlyList<ArticleFileRef>> ListAsync(long articleId, CancellationToken cancellationToken = default) =>
        (await db.Set<ArticleFile>().AsNoTracking().Where(f => f.ArticleId == articleId).OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt }).ToListAsync(cancellationToken))
            .Select(f => Ref(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt)).ToList();

    /// <summary>The file with its content, when <paramref name="reader"/> may read its article; null otherwise.</summary>
    public async Task<ArticleFile?> FindAsync(long id, KnowledgeReader reader, CancellationToken cancellationToken = default)
    {
        var file = await db.Set<ArticleFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        var article = file is null ? null : await db.Set<Article>().AsNoTracking().SingleAsync(a => a.Id == file.ArticleId, cancellationToken);
        return article is not null && reader.CanRead(article) ? file : null;
    }

    private static ArticleFileRef Ref(long id, string name, string type, int size, DateTimeOffset at) =>
        new(id, name, type, size, FileSignature.IsImage(type), UrlOf(id, name), at);
}
