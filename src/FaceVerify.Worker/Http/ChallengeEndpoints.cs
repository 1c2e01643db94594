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
        // The body is optional: none (or {}) means the default policy.
        var body = new IssueLivenessChallenge();
        if (request.ContentLength is > 0 || (request.ContentLength is null && request.HasJsonContentType()))
        {
            if (!request.HasJsonContentType())
                return Results.Problem("Send application/json, or no body.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            try
            {
                body = await request.ReadFromJsonAsync<IssueLivenessChallenge>(FaceVerifyJson.Options, cancellationToken) ?? body;
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.Problem("The body is not a challenge request {policy, candidateId, examId}.", statusCode: StatusCodes.Status400BadRequest);
            }
        }
        var (issued, problem) = await challenges.IssueAsync(body, cancellationToken);
        return issued is null
            ? Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest)
            : Results.Json(issued, FaceVerifyJson.Options);
    }
}
