using System.Net;
using System.Net.Http.Json;
using FaceVerify.Contracts;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Json;
using FaceVerify.Worker.Records;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests.Challenges;

/// <summary><c>POST /v1/challenges</c> behind the API key and the bus request: both store what they answer.</summary>
public sealed class ChallengeRoutesTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    private static readonly string[] WireSteps = ["turn_left", "turn_right", "blink"];

    [Fact]
    public async Task Issuing_needs_the_api_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.PostAsync("/v1/challenges", null)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/v1/challenges") { Headers = { { "X-Api-Key", "wrong" } } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task The_route_issues_a_stored_challenge_under_the_policy_asked_for()
    {
        using var request = worker.Admin(HttpMethod.Post, "/v1/challenges", JsonContent.Create(new { policy = "strict", candidateId = "c-1" }));
        using var response = await worker.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<LivenessChallengeIssued>(FaceVerifyJson.Options))!;
        AssertWellFormed(issued);
        Assert.StartsWith("strict@", issued.Policy);
        await AssertStoredAsync(issued);

        using var bare = worker.Admin(HttpMethod.Post, "/v1/challenges");
        using var bareResponse = await worker.Http.SendAsync(bare);
        Assert.Equal(HttpStatusCode.OK, bareResponse.StatusCode);
        var other = (await bareResponse.Content.ReadFromJsonAsync<LivenessChallengeIssued>(FaceVerifyJson.Options))!;
        Assert.StartsWith("default@", other.Policy);
        Assert.NotEqual(issued.ChallengeId, other.ChallengeId);
    }

    [Fact]
    public async Task An_unknown_policy_is_a_bad_request()
    {
        using var request = worker.Admin(HttpMethod.Post, "/v1/challenges", JsonContent.Create(new { policy = "no-such-policy" }));
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_a_challenge_request_is_refused_with_a_reason()
    {
        using var broken = worker.Admin(HttpMethod.Post, "/v1/challenges", new StringContent("{\"policy\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.Http.SendAsync(broken)).StatusCode);
        using var text = worker.Admin(HttpMethod.Post, "/v1/challenges", new StringContent("strict"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await worker.Http.SendAsync(text)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_policy_on_the_bus_faults_the_request()
    {
        using var scope = worker.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<IssueLivenessChallenge>>();
        var fault = await Assert.ThrowsAsync<RequestFaultException>(() =>
            client.GetResponse<LivenessChallengeIssued>(new IssueLivenessChallenge { Policy = "no-such-policy" }, timeout: RequestTimeout.After(m: 2)));
        Assert.Contains("no-such-policy", fault.Fault!.Exceptions[0].Message);
    }

    [Fact]
    public async Task The_bus_request_is_answered_with_a_stored_challenge()
    {
        using var scope = worker.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<IssueLivenessChallenge>>();
        var response = await client.GetResponse<LivenessChallengeIssued>(new IssueLivenessChallenge { CandidateId = "c-2" }, timeout: RequestTimeout.After(m: 2));
        AssertWellFormed(response.Message);
        await AssertStoredAsync(response.Message);
    }

    private static void AssertWellFormed(LivenessChallengeIssued issued)
    {
        Assert.Matches("^[0-9a-f]{32}$", issued.ChallengeId);
        Assert.InRange(issued.Steps.Count, 2, 3);
        Assert.All(issued.Steps, s => Assert.Contains(s, WireSteps));
        Assert.Contains(issued.Steps, s => s.StartsWith("turn_", StringComparison.Ordinal));
    }

    /// <summary>Redeeming it shows it was stored with the steps answered (this also uses it up).</summary>
    private async Task AssertStoredAsync(LivenessChallengeIssued issued)
    {
        var store = worker.Services.GetRequiredService<IChallengeStore>();
        var redeemed = await store.RedeemAsync(issued.ChallengeId, Guid.NewGuid(), issued.ExpiresAt.AddSeconds(-1), default);
        Assert.Equal(ChallengeRedemptionStatus.Redeemed, redeemed.Status);
        Assert.Equal(issued.Steps, redeemed.Challenge!.Steps.Select(ChallengeSteps.Name));
    }
}
