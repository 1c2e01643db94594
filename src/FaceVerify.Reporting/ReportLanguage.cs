namespace FaceVerify.Core.Reporting;

/// <summary>Languages a report is written in. The exam's administrators read Chinese, so it comes first.</summary>
public enum ReportLanguage
{
    Zh,
    En,
}

public static class ReportLanguages
{
    /// <summary><c>zh</c> or <c>en</c> (case-insensitive, <c>zh-CN</c> and <c>en-US</c> too); false for anything else.</summary>
    public static bool TryParse(string? text, out ReportLanguage language)
    {
        var primary = (text ?? "").Trim().Split('-', '_')[0].ToLowerInvariant();
        (var ok, language) = primary switch
        {
            "zh" => (true, ReportLanguage.Zh),
            "en" => (true, ReportLanguage.En),
            _ => (false, ReportLanguage.Zh),
        };
        return ok;
    }

    public static string Code(this ReportLanguage language) => language == ReportLanguage.En ? "en" : "zh";

    /// <summary>The language a bilingual page shows in second place.</summary>
    public static ReportLanguage Other(this ReportLanguage language) => language == ReportLanguage.En ? ReportLanguage.Zh : ReportLanguage.En;
}
