using System.Text.Json;

namespace FaceVerify.Core.Reporting;

/// <summary>One text in both report languages.</summary>
public sealed record BilingualText(string Zh, string En)
{
    public string In(ReportLanguage language) => language == ReportLanguage.En ? En : Zh;
}

/// <summary>
/// The report's wording: reason-code messages and page labels, each in Chinese and English, read from
/// the JSON tables embedded beside this file (Texts/*.json) so translators edit data, not code.
/// </summary>
public sealed class ReportTexts
{
    private ReportTexts(IReadOnlyDictionary<string, BilingualText> reasons, IReadOnlyDictionary<string, BilingualText> labels)
    {
        Reasons = reasons;
        Labels = labels;
    }

    /// <summary>Keyed by reason code (<c>photo.no_face</c>, <c>match.below_threshold</c>, …).</summary>
    public IReadOnlyDictionary<string, BilingualText> Reasons { get; }
    public IReadOnlyDictionary<string, BilingualText> Labels { get; }

    public static ReportTexts Load() => new(Read("reason-messages.json"), Read("report-labels.json"));

    /// <summary>The message of a reason code; null for a code the table does not know yet.</summary>
    public BilingualText? Reason(string code) => Reasons.GetValueOrDefault(code);

    public string Label(string key, ReportLanguage language) =>
        Labels.TryGetValue(key, out var text) ? text.In(language) : throw new KeyNotFoundException($"no report label '{key}'");

    private static Dictionary<string, BilingualText> Read(string name)
    {
        var resource = $"FaceVerify.Core.Reporting.Texts.{name}";
        using var stream = typeof(ReportTexts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        var table = JsonSerializer.Deserialize<Dictionary<string, BilingualText>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{resource} is empty");
        return table;
    }
}
