using FaceVerify.Contracts;
using FaceVerify.Core.Json;
using FaceVerify.Worker.Challenges;

namespace FaceVerify.Worker.Http;

/// <summary><c>POST /v1/challenges</c>: a new liveness challenge for the exam client, behind the API key like the verification routes.</summary>
public static class ChallengeEndpoints
{
    public static void MapChallenges(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/challenges", IssueAsync).AddEndpointFilter<ApiKeyEndpointFilter>();

    private static async Task<IResult> IssueAsync(HttpRequest request, LivenessChallenges challenges, CancellationToken cancellationToken)
    {
        IssueLivenessChallenge body;
        try
        {
            // The body is optional: no body (or {}) means the default policy.
            body = request.ContentLength is null or 0 && !request.HasJsonContentType() ? new IssueLivenessChallenge()
                : await request.ReadFromJsonAsync<IssueLivenessChallenge>(FaceVerifyJson.Options, cancellationToken) ?? new IssueLivenessChallenge();
        }
        catch (System.Text.Json.JsonException e)
        {
            return Results.Problem($"the body is not a challenge request: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        var (issued, problem) = await challenges.IssueAsync(body, cancellationToken);
        return issued is null
            ? Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest)
            : Results.Json(issued, FaceVerifyJson.Options);
    }
}
