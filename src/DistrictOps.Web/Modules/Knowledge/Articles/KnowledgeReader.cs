using System.Linq.Expressions;
using System.Security.Claims;
using DistrictOps.Web.Modules.Knowledge.Data;
using DistrictOps.Web.Platform.Auth;

namespace DistrictOps.Web.Modules.Knowledge.Articles;

/// <summary>
/// Who is reading, and which articles they may see: anyone the public ones, district staff the staff ones too, technicians
/// all three; writers also every draft. The one rule every list, search and page applies.
/// </summary>
public sealed record KnowledgeReader(Guid? UserId, string Name, IReadOnlyList<ArticleAudience> Audiences, bool Writes, bool Reviews)
{
    public static KnowledgeReader Anonymous { get; } = new(null, "", [ArticleAudience.Public], Writes: false, Reviews: false);

    public static KnowledgeReader For(ClaimsPrincipal user, PermissionRegistry permissions)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        List<ArticleAudience> audiences = [ArticleAudience.Public];
        if (permissions.Grants(user, KnowledgePermissions.Read))
        {
            audiences.Add(ArticleAudience.Staff);
        }

        if (permissions.Grants(user, KnowledgePermissions.ReadTechnical))
        {
            audiences.Add(ArticleAudience.Technicians);
        }

        return new(user.UserId(), user.DisplayName(), audiences,
            permissions.Grants(user, KnowledgePermissions.Write), permissions.Grants(user, KnowledgePermissions.Review));
    }

    /// <summary>Live articles of the reader's audiences; for writers, drafts and retired ones too when <paramref name="withDrafts"/>.</summary>
    public Expression<Func<Article, bool>> Sees(bool withDrafts = false)
    {
        var audiences = Audiences.ToList();
        if (withDrafts && Writes)
        {
            return a => audiences.Contains(a.Audience);
        }

        return a => a.LiveVersion != null && a.RetiredAt == null && audiences.Contains(a.Audience);
    }

    /// <summary>The same rule, on an article already loaded (writers: drafts too).</summary>
    public bool CanRead(Article article) => Sees(withDrafts: true).Compile(preferInterpretation: true)(article);
}
