using System.Reflection;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Reporting;

namespace FaceVerify.Core.Tests.Reporting;

public sealed class ReportTextsTests
{
    private const string Cjk = @"\p{IsCJKUnifiedIdeographs}";
    private static readonly ReportTexts Texts = ReportTexts.Load();

    /// <summary>Every code <see cref="ReasonCodes"/> defines, face rules once per role.</summary>
    public static IReadOnlyList<string> KnownCodes()
    {
        static IEnumerable<string> Constants(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && !f.Name.EndsWith("Prefix", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
        var faceRules = Constants(typeof(ReasonCodes.Face)).SelectMany(rule => new[] { ReasonCodes.Photo(rule), ReasonCodes.Snapshot(rule) });
        return Constants(typeof(ReasonCodes)).Concat(faceRules).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public static TheoryData<string> Codes() => new(KnownCodes());

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_reason_code_has_a_chinese_and_an_english_message(string code)
    {
        var text = Texts.Reason(code);
        Assert.True(text is not null, $"{code} has no entry in src/FaceVerify.Reporting/Texts/reason-messages.json");
        Assert.Matches(Cjk, text.Zh);
        Assert.False(string.IsNullOrWhiteSpace(text.En));
        Assert.DoesNotMatch(Cjk, text.En);
    }

    [Fact]
    public void The_message_table_names_only_codes_that_exist()
    {
        var unknown = Texts.Reasons.Keys.Except(KnownCodes()).ToList();
        Assert.True(unknown.Count == 0, "messages for codes ReasonCodes does not define: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_same_rule_reads_differently_for_the_id_photo_and_the_snapshot()
    {
        var photo = Texts.Reason(ReasonCodes.Photo(ReasonCodes.Face.NoFace))!;
        var snapshot = Texts.Reason(ReasonCodes.Snapshot(ReasonCodes.Face.NoFace))!;
        Assert.Contains("证件照", photo.Zh);
        Assert.Contains("抓拍照", snapshot.Zh);
        Assert.Contains("ID photo", photo.En);
        Assert.Contains("snapshot", snapshot.En);
    }

    [Fact]
    public void Every_page_label_has_both_languages()
    {
        Assert.NotEmpty(Texts.Labels);
        foreach (var (key, text) in Texts.Labels)
        {
            Assert.False(string.IsNullOrWhiteSpace(text.Zh), key);
            Assert.False(string.IsNullOrWhiteSpace(text.En), key);
            Assert.DoesNotMatch(Cjk, text.En);
        }
        Assert.Equal("zh-CN", Texts.Label("lang", ReportLanguage.Zh));
        Assert.Equal("en", Texts.Label("lang", ReportLanguage.En));
    }

    [Theory]
    [InlineData("zh", ReportLanguage.Zh)]
    [InlineData("ZH-cn", ReportLanguage.Zh)]
    [InlineData("en", ReportLanguage.En)]
    [InlineData("en-US", ReportLanguage.En)]
    public void Language_names_parse(string text, ReportLanguage expected)
    {
        Assert.True(ReportLanguages.TryParse(text, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_language_names_are_refused(string? text) => Assert.False(ReportLanguages.TryParse(text, out _));
}
