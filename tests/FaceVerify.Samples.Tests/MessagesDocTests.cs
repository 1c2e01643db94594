using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FaceVerify.Contracts;
using FaceVerify.Worker.Tests;
using MassTransit.Serialization;

namespace FaceVerify.Samples.Tests;

/// <summary>
/// docs/messages.md shows each message as JSON: every example must read into its contract record with MassTransit's
/// own serializer settings, with no member the record lacks, so a renamed field cannot leave the page behind.
/// </summary>
public sealed partial class MessagesDocTests
{
    public static TheoryData<string, Type> Examples => new()
    {
        { "VerifyIdentity", typeof(VerifyIdentity) },
        { "IdentityVerificationCompleted", typeof(IdentityVerificationCompleted) },
        { "ValidateIdPhoto", typeof(ValidateIdPhoto) },
        { "RerunVerification", typeof(RerunVerification) },
        { "IssueLivenessChallenge", typeof(IssueLivenessChallenge) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_reads_into_its_contract(string heading, Type type)
    {
        var blocks = JsonBlocksUnder(heading);
        Assert.NotEmpty(blocks);
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var message = JsonSerializer.Deserialize(blocks[0], type, options);
        Assert.NotNull(message);
        if (message is VerifyIdentity verify)
        {
            Assert.NotNull(verify.IdPhoto.Data);
            Assert.NotNull(verify.Snapshot.Url);
        }
    }

    [Fact]
    public void The_response_example_reads_into_IdPhotoValidated()
    {
        var blocks = JsonBlocksUnder("ValidateIdPhoto");
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var response = JsonSerializer.Deserialize<IdPhotoValidated>(blocks[1], options)!;
        Assert.False(response.Accepted);
        Assert.Equal(3, response.Violations.Count);
    }

    [Fact]
    public void The_response_example_reads_into_LivenessChallengeIssued()
    {
        var blocks = JsonBlocksUnder("IssueLivenessChallenge");
        var options = new JsonSerializerOptions(SystemTextJsonMessageSerializer.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        var response = JsonSerializer.Deserialize<LivenessChallengeIssued>(blocks[1], options)!;
        Assert.Equal(["turn_left", "blink", "turn_right"], response.Steps);
        Assert.Equal(32, response.ChallengeId.Length);
    }

    private static List<string> JsonBlocksUnder(string heading)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "messages.md"));
        var start = text.IndexOf($"## `{heading}`", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/messages.md has no section for {heading}");
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = end < 0 ? text[start..] : text[start..end];
        return JsonBlock().Matches(section).Select(m => m.Groups["json"].Value).ToList();
    }

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
