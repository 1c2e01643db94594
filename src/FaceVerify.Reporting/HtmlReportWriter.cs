using System.Text;
using static FaceVerify.Core.Reporting.Html;

namespace FaceVerify.Core.Reporting;

/// <summary>
/// Writes one self-contained page: inline style, pictures as data: URIs, no script, and a CSP that would
/// stop the browser from fetching anything even if a bug let a URL in. One writer per page.
/// </summary>
internal sealed partial class HtmlReportWriter(ReportTexts texts, ReportLanguage language)
{
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private readonly StringBuilder _html = new();

    public string Write(ReportPage page)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"").Append(L("lang")).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(L(page.TitleKey))).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyle.Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        Header(page);
        Pictures(page);
        ChallengeFrames(page);
        Scores(page);
        Findings(page);
        Changes(page);
        About(page);
        Measurements(page);
        _html.Append("</main>\n</body>\n</html>\n");
        return _html.ToString();
    }

    private string L(string key) => texts.Label(key, language);

    /// <summary>A label in the page's language followed by the other language, smaller.</summary>
    private string Both(string key) =>
        $"{E(L(key))}<span class=\"other\" lang=\"{texts.Label("lang", language.Other())}\">{E(texts.Label(key, language.Other()))}</span>";

    private void Header(ReportPage page)
    {
        var verdict = page.Passed ? "pass" : "fail";
        _html.Append("<header>\n<h1>").Append(Both(page.TitleKey)).Append("</h1>\n<p>")
            .Append($"<span class=\"verdict {verdict}\" data-verdict=\"{verdict}\">{E(L(page.VerdictKey))}</span>")
            .Append($"<span class=\"other\">{E(texts.Label(page.VerdictKey, language.Other()))}</span>");
        if (page.RetakeKey is { } retake) _html.Append("<span class=\"retake\">").Append(Both(retake)).Append("</span>");
        _html.Append("</p>\n</header>\n");
    }

    private void About(ReportPage page)
    {
        _html.Append("<h2>").Append(Both("section.about")).Append("</h2>\n<table class=\"about\">\n")
            .Append($"<tr><th>{Both("meta.policy")}</th><td data-policy=\"{E(page.Policy)}\"><code>{E(page.Policy)}</code></td></tr>\n")
            .Append($"<tr><th>{Both("meta.modelSet")}</th><td data-model-set=\"{E(page.ModelSet)}\"><code>{E(page.ModelSet)}</code></td></tr>\n");
        foreach (var (role, sha) in page.Files)
            _html.Append($"<tr><th>{Both(RoleKey(role))} · {E(L("meta.sha256"))}</th><td><code>{E(sha)}</code></td></tr>\n");
        _html.Append("</table>\n");
    }

    private void Measurements(ReportPage page)
    {
        if (page.Measurements.Count == 0) return;
        _html.Append("<details>\n<summary>").Append(Both("section.measurements")).Append("</summary>\n<table>\n")
            .Append($"<tr><th>{E(L("measure.name"))}</th><th>{E(L("measure.value"))}</th></tr>\n");
        foreach (var (name, value) in page.Measurements.OrderBy(m => m.Key, StringComparer.Ordinal))
            _html.Append($"<tr><td><code>{E(name)}</code></td><td>{N(value)}</td></tr>\n");
        _html.Append("</table>\n</details>\n");
    }

    private static string RoleKey(ReportRole role) => role == ReportRole.Photo ? "role.photo" : "role.snapshot";
}
