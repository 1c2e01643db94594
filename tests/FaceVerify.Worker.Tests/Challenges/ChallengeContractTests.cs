using System.Text.Json;
using FaceVerify.Contracts;
using MassTransit.Serialization;

namespace FaceVerify.Worker.Tests.Challenges;

/// <summary>The challenge messages on the wire: MassTransit's own serializer settings, camelCase names, values kept.</summary>
public sealed class ChallengeContractTests
{
    private static T RoundTrip<T>(T message, out JsonElement wire)
    {
        var json = JsonSerializer.Serialize(message, SystemTextJsonMessageSerializer.Options);
        wire = JsonDocument.Parse(json).RootElement.Clone();
        return JsonSerializer.Deserialize<T>(json, SystemTextJsonMessageSerializer.Options)!;
    }

    [Fact]
    public void IssueLivenessChallenge_round_trips_with_every_field_optional()
    {
        var request = new IssueLivenessChallenge { Policy = "strict", CandidateId = "c-1024", ExamId = "dc-2026-11" };
        Assert.Equal(request, RoundTrip(request, out var wire));
        Assert.Equal("strict", wire.GetProperty("policy").GetString());
        Assert.Equal(new IssueLivenessChallenge(), JsonSerializer.Deserialize<IssueLivenessChallenge>("{}", SystemTextJsonMessageSerializer.Options));
    }

    [Fact]
    public void LivenessChallengeIssued_round_trips_its_steps_in_order()
    {
        var issued = new LivenessChallengeIssued
        {
            ChallengeId = "5f0c8e2a9b41d7c3e6a1f08b2d94c7e1",
            Steps = ["turn_right", "blink", "turn_left"],
            ExpiresAt = new DateTimeOffset(2026, 11, 29, 14, 1, 0, TimeSpan.Zero),
            Policy = "default@3",
        };
        var back = RoundTrip(issued, out var wire);
        Assert.Equal(issued.ChallengeId, back.ChallengeId);
        Assert.Equal(issued.Steps, back.Steps);
        Assert.Equal(issued.ExpiresAt, back.ExpiresAt);
        Assert.Equal(issued.Policy, back.Policy);
        Assert.Equal(["turn_right", "blink", "turn_left"], wire.GetProperty("steps").EnumerateArray().Select(e => e.GetString()));
        Assert.True(wire.TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public void VerifyIdentity_carries_an_optional_challenge_id()
    {
        var message = new VerifyIdentity
        {
            VerificationId = Guid.NewGuid(), CandidateId = "c", ExamId = "e",
            IdPhoto = new ImageInput { Url = new Uri("https://images.example/id.jpg") },
            Snapshot = new ImageInput { Url = new Uri("https://images.example/0.jpg") },
            ExtraFrames = [new ImageInput { Url = new Uri("https://images.example/1.jpg") }],
            ChallengeId = "5f0c8e2a9b41d7c3e6a1f08b2d94c7e1",
            RequestedAt = DateTimeOffset.UnixEpoch,
        };
        var back = RoundTrip(message, out var wire);
        Assert.Equal(message.ChallengeId, back.ChallengeId);
        Assert.Equal("5f0c8e2a9b41d7c3e6a1f08b2d94c7e1", wire.GetProperty("challengeId").GetString());
        // Senders built before the challenge existed omit it: no challenge.
        var old = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(message, SystemTextJsonMessageSerializer.Options))!.AsObject();
        Assert.True(old.Remove("challengeId"));
        Assert.Null(JsonSerializer.Deserialize<VerifyIdentity>(old.ToJsonString(), SystemTextJsonMessageSerializer.Options)!.ChallengeId);
    }
}
