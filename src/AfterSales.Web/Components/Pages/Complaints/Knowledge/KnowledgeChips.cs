using AfterSales.Domain.Knowledge;
using MudBlazor;

namespace AfterSales.Web.Components.Pages.Complaints.Knowledge;

internal static class KnowledgeChips
{
    public static Color For(KnowledgeArticleStatus status) => status switch
    {
        KnowledgeArticleStatus.Draft => Color.Default,
        KnowledgeArticleStatus.Published => Color.Success,
        KnowledgeArticleStatus.Retired => Color.Dark,
    };
}
