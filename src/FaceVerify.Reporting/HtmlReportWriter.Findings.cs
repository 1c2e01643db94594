using FaceVerify.Core.Policy;
using static FaceVerify.Core.Reporting.Html;

namespace FaceVerify.Core.Reporting;

/// <summary>Scores on a scale marking the policy threshold, and each finding's value against its limit.</summary>
internal sealed partial class HtmlReportWriter
{
    private void Scores(ReportPage page)
    {
        if (page.Scores is not { } s) return;
        _html.Append("<h2>").Append(Both("section.scores")).Append("</h2>\n<section class=\"scores\">\n");
        Score("similarity", "score.similarity", s.Similarity, s.SimilarityThreshold, Math.Min(0, Math.Floor((s.Similarity ?? 0) * 10) / 10));
        Score("liveness", "score.liveness", s.Liveness, s.LivenessThreshold, 0);
        _html.Append("</section>\n");
    }

    private void Score(string name, string labelKey, double? value, double? threshold, double low)
    {
        const double high = 1;
        var passes = value is { } v && threshold is { } t && v >= t;
        var state = value is null ? "none" : passes ? "ok" : "bad";
        var stateKey = value is null ? "score.notEvaluated" : passes ? "score.passes" : "score.fails";
        _html.Append($"<div class=\"score\" data-score=\"{name}\" data-value=\"{(value is { } dv ? N(dv) : "")}\" data-threshold=\"{(threshold is { } dt ? N(dt) : "")}\">\n")
            .Append($"<div><b>{Both(labelKey)}</b><span class=\"score-value\">{(value is { } sv ? N(sv) : "–")}</span><span class=\"pill {state}\">{E(L(stateKey))}</span></div>\n")
            .Append("<div class=\"scale\">");
        if (value is { } fill) _html.Append($"<div class=\"fill {state}\" style=\"left:0;width:{Pct((fill - low) / (high - low))}\"></div>");
        if (threshold is { } mark)
            _html.Append($"<div class=\"mark\" style=\"left:{Pct((mark - low) / (high - low))}\"><span>{E(L("score.threshold"))} {N(mark)}</span></div>");
        _html.Append($"</div>\n<div class=\"ticks\"><span>{N(low)}</span><span>{N(high)}</span></div>\n</div>\n");
    }

    private void Findings(ReportPage page)
    {
        _html.Append("<h2>").Append(Both("section.findings")).Append("</h2>\n");
        if (page.Findings.Count == 0)
        {
            _html.Append($"<p class=\"no-findings\">{Both("findings.none")}</p>\n");
            return;
        }
        _html.Append("<table class=\"findings\">\n")
            .Append($"<tr><th>{E(L("finding.severity"))}</th><th>{E(L("finding.reason"))}</th><th>{E(L("finding.measured"))}</th></tr>\n");
        foreach (var finding in page.Findings.OrderBy(f => f.Severity == Severity.Block ? 0 : 1)) FindingRow(finding);
        _html.Append("</table>\n");
    }

    private void FindingRow(Finding finding)
    {
        var severity = finding.Severity == Severity.Block ? "block" : "warn";
        var text = texts.Reason(finding.Code);
        _html.Append($"<tr class=\"finding\" data-code=\"{E(finding.Code)}\" data-severity=\"{severity}\">")
            .Append($"<td><span class=\"sev {severity}\">{E(L("severity." + severity))}</span></td><td>");
        if (text is not null)
            _html.Append($"<span class=\"reason\" lang=\"{L("lang")}\">{E(text.In(language))}</span>")
                .Append($"<span class=\"reason other\" lang=\"{texts.Label("lang", language.Other())}\">{E(text.In(language.Other()))}</span>");
        _html.Append($"<div class=\"detail\"><code>{E(finding.Code)}</code> · <span lang=\"en\">{E(finding.Message)}</span></div></td><td>");
        if (finding is { Value: { } value, Threshold: { } threshold }) Bar(value, threshold, severity == "block" ? "bad" : "warn");
        else if (finding.Value is { } only) _html.Append($"<div class=\"bar-text\">{E(L("finding.value"))} {N(only)}</div>");
        _html.Append("</td></tr>\n");
    }

    private void Bar(double value, double threshold, string state)
    {
        // Zero is always on the scale; a margin keeps a value at either end visible as a bar, not a dot.
        var low = Math.Min(0, Math.Min(value, threshold));
        var high = Math.Max(0, Math.Max(value, threshold));
        var margin = high > low ? (high - low) * 0.2 : 1;
        if (low < 0) low -= margin;
        high += margin;
        var span = high - low;
        _html.Append($"<div class=\"bar\" data-value=\"{N(value)}\" data-threshold=\"{N(threshold)}\">")
            .Append($"<div class=\"fill {state}\" style=\"left:0;width:{Pct((value - low) / span)}\"></div>")
            .Append($"<div class=\"mark\" style=\"left:{Pct((threshold - low) / span)}\"></div></div>")
            .Append($"<div class=\"bar-text\">{E(L("finding.value"))} {N(value)} · {E(L("score.threshold"))} {N(threshold)}</div>");
    }
}
