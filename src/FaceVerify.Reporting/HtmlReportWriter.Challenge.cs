using static FaceVerify.Core.Reporting.Html;

namespace FaceVerify.Core.Reporting;

/// <summary>
/// A liveness challenge's frames side by side, each captioned with what its step read (the result's
/// <c>challenge.step{i}.*</c>, <c>challenge.frame{k}.*</c> measurements): frame k is the frame after step k.
/// </summary>
internal sealed partial class HtmlReportWriter
{
    private void ChallengeFrames(ReportPage page)
    {
        if (page.ChallengeFrames.Count == 0) return;
        _html.Append("<h2>").Append(Both("section.challenge")).Append("</h2>\n<section class=\"pictures challenge\">\n");
        foreach (var frame in page.ChallengeFrames)
        {
            _html.Append($"<figure data-challenge-frame=\"{frame.Index}\">\n<figcaption><b>{E(L("challenge.frame"))} {frame.Index}</b>");
            foreach (var line in Readings(page.Measurements, frame.Index)) _html.Append("<br>").Append(line);
            _html.Append("</figcaption>\n");
            _html.Append(frame.Jpeg is { } jpeg
                ? $"<img class=\"picture\" alt=\"{E(L("challenge.frame"))} {frame.Index}\" src=\"data:image/jpeg;base64,{Convert.ToBase64String(jpeg)}\">\n"
                : $"<div class=\"missing\">{E(L("image.notKept"))}</div>\n");
            _html.Append("</figure>\n");
        }
        _html.Append("</section>\n");
    }

    private IEnumerable<string> Readings(IReadOnlyDictionary<string, double> measurements, int index)
    {
        if (index == 0) yield return E(L("challenge.before"));
        foreach (var (name, value) in measurements.Where(m => m.Key.StartsWith($"challenge.step{index}.", StringComparison.Ordinal)
                     && !m.Key.EndsWith(".neighbour", StringComparison.Ordinal)))
            yield return $"<span data-step-reading=\"{E(name)}\">{E(L("challenge.step"))} {index} · <code>{E(name[($"challenge.step{index}.".Length)..])}</code> {N(value)}</span>";
        if (measurements.TryGetValue($"challenge.step{index}.neighbour", out var neighbour))
            yield return $"{E(L("challenge.neighbour"))} {N(neighbour)}";
        if (measurements.TryGetValue($"challenge.frame{index}.similarity", out var similarity))
            yield return $"{E(L("challenge.similarity"))} {N(similarity)}";
        if (measurements.TryGetValue($"challenge.frame{index}.planarResidual", out var residual))
            yield return $"{E(L("challenge.residual"))} {N(residual)}";
    }
}
