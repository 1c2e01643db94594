using System.Text.Json;

namespace PhotoUpload;

public sealed record Bilingual(string Zh, string En);

/// <summary>
/// What each reason code means (the service's own table, in Chinese and English) and what to do about it (this
/// page's advice). A code neither table knows yet is still shown, with the worker's English message.
/// </summary>
public sealed class ReasonTexts
{
    private readonly Dictionary<string, Bilingual> _messages = Read("PhotoUpload.reason-messages.json");
    private readonly Dictionary<string, Bilingual> _advice = Read("PhotoUpload.fix-advice.json");

    public Bilingual Message(PhotoViolation violation) =>
        _messages.GetValueOrDefault(violation.Code) ?? new Bilingual(violation.Message, violation.Message);

    public Bilingual? Advice(string code) => _advice.GetValueOrDefault(code);

    private static Dictionary<string, Bilingual> Read(string resource)
    {
        using var stream = typeof(ReasonTexts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        return JsonSerializer.Deserialize<Dictionary<string, Bilingual>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{resource} is empty");
    }
}
