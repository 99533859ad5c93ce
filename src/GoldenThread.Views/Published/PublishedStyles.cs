namespace GoldenThread.Views.Published;

/// <summary>The stylesheet inlined into every published file, so that the file stands alone.</summary>
internal static class PublishedStyles
{
    public const string Css = GoldenThread.Reporting.GovukStyles.Base;
}
