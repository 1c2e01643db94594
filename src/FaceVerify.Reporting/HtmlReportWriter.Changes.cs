using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using static FaceVerify.Core.Reporting.Html;

namespace FaceVerify.Core.Reporting;

/// <summary>For a re-run: what differs from the earlier result, one row per changed item.</summary>
internal sealed partial class HtmlReportWriter
{
    private void Changes(ReportPage page)
    {
        if (page.Changes is not { } c) return;
        _html.Append("<h2>").Append(Both("section.changes")).Append("</h2>\n");
        if (!c.Any)
        {
            _html.Append($"<p class=\"no-changes\">{Both("changes.none")}</p>\n");
            return;
        }
        _html.Append("<table class=\"changes\">\n")
            .Append($"<tr><th>{E(L("changes.item"))}</th><th>{E(L("changes.earlier"))}</th><th>{E(L("changes.now"))}</th></tr>\n");
        if (c.EarlierVerdict != c.Verdict) Row("verdict", Both("changes.verdict"), E(L(VerdictKey(c.EarlierVerdict))), E(L(VerdictKey(c.Verdict))));
        if (c.EarlierSimilarity != c.Similarity) Row("similarity", Both("score.similarity"), Score(c.EarlierSimilarity), Score(c.Similarity));
        if (c.EarlierLiveness != c.Liveness) Row("liveness", Both("score.liveness"), Score(c.EarlierLiveness), Score(c.Liveness));
        if (c.EarlierPolicy != c.Policy) Row("policy", Both("meta.policy"), E(c.EarlierPolicy), E(c.Policy));
        if (c.EarlierModelSet != c.ModelSet) Row("modelSet", Both("meta.modelSet"), E(c.EarlierModelSet), E(c.ModelSet));
        foreach (var f in c.Findings)
        {
            var reason = texts.Reason(f.Code)?.In(language) ?? f.Code;
            var item = $"<span class=\"kind-{f.Kind}\">{E(L("changes." + f.Kind))}</span> {E(reason)} <code>{E(f.Code)}</code>";
            Row("finding:" + f.Code, item, FindingCell(f.Earlier), FindingCell(f.Now));
        }
        _html.Append("</table>\n");
    }

    private void Row(string item, string label, string earlier, string now) =>
        _html.Append($"<tr data-change=\"{E(item)}\"><td>{label}</td><td>{earlier}</td><td>{now}</td></tr>\n");

    private string FindingCell(Finding? finding) => finding is null ? "–"
        : $"{E(L(finding.Severity == Severity.Block ? "severity.block" : "severity.warn"))}"
          + (finding.Value is { } v ? $" · {E(L("finding.value"))} {N(v)}" : "")
          + (finding.Threshold is { } t ? $" · {E(L("score.threshold"))} {N(t)}" : "");

    private static string Score(double? value) => value is { } v ? N(v) : "–";

    internal static string VerdictKey(Verdict verdict) => verdict == Verdict.Pass ? "verdict.pass" : "verdict.fail";
}
