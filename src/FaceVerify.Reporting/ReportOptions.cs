namespace FaceVerify.Core.Reporting;

/// <summary>Report settings (<c>FaceVerify:Report</c>).</summary>
public sealed record ReportOptions
{
    /// <summary><c>zh</c> or <c>en</c>: the language of a report when the caller does not choose one.</summary>
    public string Language { get; init; } = "zh";

    /// <summary>Longest side of the embedded pictures; larger ones are scaled down (overlays stay in source pixels).</summary>
    public int MaxEmbeddedSide { get; init; } = 1280;

    /// <summary>A blank setting means the default; anything else must name a language, so a typo is not silently Chinese.</summary>
    public ReportLanguage DefaultLanguage =>
        string.IsNullOrWhiteSpace(Language) ? ReportLanguage.Zh
        : ReportLanguages.TryParse(Language, out var language) ? language
            : throw new InvalidOperationException($"FaceVerify:Report:Language is '{Language}'; use zh or en");
}
