using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DistrictOps.Web.Modules.Knowledge.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("knowledge_articles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength);
        builder.Property(a => a.Language).HasMaxLength(Article.LanguageMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength);
        builder.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
        builder.Property(a => a.Body).HasMaxLength(Article.BodyMaxLength);
        builder.Property(a => a.Tags).HasMaxLength(Article.TagsMaxLength);
        builder.Property(a => a.DeviceModels).HasMaxLength(Article.DeviceModelsMaxLength);
        builder.Property(a => a.OwnerName).HasMaxLength(Article.NameMaxLength);
        builder.Ignore(a => a.IsLive);
        builder.HasIndex(a => new { a.Slug, a.Language }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.ReviewBy });
        builder.HasIndex(a => a.SourceProblemId);
        builder.HasMany(a => a.Categories).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleCategoryConfiguration : IEntityTypeConfiguration<ArticleCategory>
{
    public void Configure(EntityTypeBuilder<ArticleCategory> builder)
    {
        builder.ToTable("knowledge_article_categories");
        builder.HasKey(c => new { c.ArticleId, c.IssueTypeId });
        builder.HasIndex(c => c.IssueTypeId);
    }
}

internal sealed class ArticleVersionConfiguration : IEntityTypeConfiguration<ArticleVersion>
{
    public void Configure(EntityTypeBuilder<ArticleVersion> builder)
    {
        builder.ToTable("knowledge_article_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Title).HasMaxLength(Article.TitleMaxLength);
        builder.Property(v => v.Summary).HasMaxLength(Article.SummaryMaxLength);
        builder.Property(v => v.Body).HasMaxLength(Article.BodyMaxLength);
        builder.Property(v => v.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Tags).HasMaxLength(Article.TagsMaxLength);
        builder.Property(v => v.CategoryIds).HasMaxLength(200);
        builder.Property(v => v.DeviceModels).HasMaxLength(Article.DeviceModelsMaxLength);
        builder.Property(v => v.EditedByName).HasMaxLength(Article.NameMaxLength);
        builder.Property(v => v.ApprovedByName).HasMaxLength(Article.NameMaxLength);
        builder.Property(v => v.Note).HasMaxLength(ArticleVersion.NoteMaxLength);
        builder.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleVoteConfiguration : IEntityTypeConfiguration<ArticleVote>
{
    public void Configure(EntityTypeBuilder<ArticleVote> builder)
    {
        builder.ToTable("knowledge_article_votes");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Comment).HasMaxLength(ArticleVote.CommentMaxLength);
        builder.HasIndex(v => new { v.ArticleId, v.UserId }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    public void Configure(EntityTypeBuilder<ReviewTask> builder)
    {
        builder.ToTable("knowledge_review_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Reason).HasMaxLength(ReviewTask.ReasonMaxLength);
        builder.Property(t => t.RaisedByName).HasMaxLength(Article.NameMaxLength);
        builder.Property(t => t.DoneByName).HasMaxLength(Article.NameMaxLength);
        builder.HasIndex(t => new { t.ArticleId, t.DoneAt });
        builder.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeflectionConfiguration : IEntityTypeConfiguration<Deflection>
{
    public void Configure(EntityTypeBuilder<Deflection> builder)
    {
        builder.ToTable("knowledge_deflections");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.At);
        builder.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleFileConfiguration : IEntityTypeConfiguration<ArticleFile>
{
    public void Configure(EntityTypeBuilder<ArticleFile> builder)
    {
        builder.ToTable("knowledge_article_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(64);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.UploadedByName).HasMaxLength(Article.NameMaxLength);
        builder.HasIndex(f => new { f.ArticleId, f.Sha256 }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
