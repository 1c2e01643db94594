using FaceVerify.Contracts;
using FaceVerify.Worker.Records;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FaceVerify.Worker.Http;

/// <summary>Request and response shapes of each route, by method and route template.</summary>
internal static partial class OpenApiRouteShapes
{
    public const string PhotosTag = "ID photos", VerificationsTag = "Verifications", ChallengesTag = "Challenges", HealthTag = "Health";
    private const string Json = "application/json";
    private const string Multipart = "multipart/form-data";

    public static async Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // Constraints such as {id:guid} stay in the relative path; the document shows {id}.
        var route = "/" + Constraint().Replace((context.Description.RelativePath ?? "").Split('?')[0].TrimEnd('/'), "{$1}");
        var method = context.Description.HttpMethod ?? "";
        operation.Responses ??= new OpenApiResponses();
        // Tags name what the routes are for, not the classes that map them.
        operation.Tags = new HashSet<OpenApiTagReference>
        {
            new(route.StartsWith("/v1/verifications", StringComparison.Ordinal) ? VerificationsTag
                : route.StartsWith("/v1/challenges", StringComparison.Ordinal) ? ChallengesTag : PhotosTag, context.Document),
        };
        if (RequiresApiKey(route))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiRegistration.ApiKeyScheme, context.Document)] = [] });
            operation.Responses["401"] = new OpenApiResponse { Description = "No or wrong X-Api-Key." };
            operation.Responses["503"] = new OpenApiResponse { Description = "No API key is configured: the admin routes are closed." };
        }

        switch (method, route)
        {
            case ("POST", "/v1/id-photos/validate"):
                operation.Summary = "Check an ID photo against the registration rules";
                operation.Description = "Raw image/jpeg body, or multipart with one file. Optional query `policy`. 12 MB cap (413).";
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["image/jpeg"] = new() { Schema = Binary() },
                        [Multipart] = new() { Schema = Form(("photo", Binary(), true)) },
                    },
                };
                operation.Responses["200"] = await JsonResponseAsync<IdPhotoValidated>("One line of `check-photo --json`.", context, cancellationToken);
                operation.Responses["400"] = new OpenApiResponse { Description = "The request carries no image (problem details)." };
                operation.Responses["413"] = new OpenApiResponse { Description = "The body is over the cap." };
                break;
            case ("POST", "/v1/verifications"):
                operation.Summary = "Verify a snapshot against an ID photo";
                operation.Description = "Goes through the bus and the consumer; answers the completed event, or 202 with Location when it takes longer than the wait.";
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [Multipart] = new()
                        {
                            Schema = Form(("idPhoto", Binary(), true), ("snapshot", Binary(), true),
                                ("frame", new OpenApiSchema { Type = JsonSchemaType.Array, Items = Binary() }, false),
                                ("verificationId", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }, false),
                                ("candidateId", Text(), false), ("examId", Text(), false), ("policy", Text(), false),
                                ("challengeId", Text(), false)),
                        },
                    },
                };
                operation.Responses["200"] = await JsonResponseAsync<IdentityVerificationCompleted>("The completed event.", context, cancellationToken);
                operation.Responses["202"] = new OpenApiResponse { Description = "Still running: read the record at the Location header." };
                operation.Responses["400"] = new OpenApiResponse { Description = "A part is missing, an id is not a GUID or the policy is unknown (problem details)." };
                operation.Responses["413"] = new OpenApiResponse { Description = "The body is over the cap." };
                break;
            case ("POST", "/v1/challenges"):
                operation.Summary = "Issue a liveness challenge (head turns, blinks)";
                operation.Description = "Optional JSON body `{policy, candidateId, examId}`. Usable once, before `expiresAt`: send its `challengeId` with `POST /v1/verifications`, the snapshot taken before the first step and one `frame` after each step.";
                operation.RequestBody = new OpenApiRequestBody
                {
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [Json] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(IssueLivenessChallenge), null, cancellationToken) },
                    },
                };
                operation.Responses["200"] = await JsonResponseAsync<LivenessChallengeIssued>("The challenge id, its steps in order and its expiry.", context, cancellationToken);
                operation.Responses["400"] = new OpenApiResponse { Description = "Unknown policy or unreadable body (problem details)." };
                operation.Responses["415"] = new OpenApiResponse { Description = "A body that is not application/json." };
                break;
            case ("GET", "/v1/verifications"):
                operation.Summary = "List verifications, newest first";
                operation.Description = "Query `candidateId`, `examId` (exact) and `limit` (1-200, default 50).";
                operation.Responses["200"] = await JsonResponseAsync<IReadOnlyList<VerificationSummary>>("Id, candidate, exam, verdict, policy, attempts, completion time.", context, cancellationToken);
                operation.Responses["400"] = new OpenApiResponse { Description = "limit out of range (problem details)." };
                break;
            case ("GET", "/v1/verifications/{id}"):
                operation.Summary = "Read a verification's record";
                operation.Responses["200"] = await JsonResponseAsync<VerificationRecord>("Request summary (hashes, never bytes), latest result, attempts.", context, cancellationToken);
                operation.Responses["404"] = new OpenApiResponse { Description = "No such verification." };
                break;
            case ("GET", "/v1/verifications/{id}/report"):
                operation.Summary = "The administrator report";
                operation.Description = "Self-contained HTML (no script, CSP default-src 'none'); query `lang` = zh or en.";
                operation.Responses["200"] = new OpenApiResponse
                {
                    Description = "The HTML page.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["text/html"] = new() { Schema = Text() } },
                };
                operation.Responses["404"] = new OpenApiResponse { Description = "No such verification." };
                break;
            case ("POST", "/v1/verifications/{id}/rerun"):
                operation.Summary = "Evaluate the stored evidence again";
                operation.RequestBody = new OpenApiRequestBody
                {
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [Json] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AdminEndpoints.RerunBody), null, cancellationToken) },
                    },
                };
                operation.Responses.Remove("200");
                operation.Responses["202"] = new OpenApiResponse { Description = "Queued; the new completed event has attempt + 1 and rerunOf." };
                operation.Responses["404"] = new OpenApiResponse { Description = "No such verification." };
                break;
        }
    }

    /// <summary>The routes behind <see cref="ApiKeyEndpointFilter"/>.</summary>
    public static bool RequiresApiKey(string route) =>
        route.StartsWith("/v1/verifications", StringComparison.Ordinal) || route.StartsWith("/v1/challenges", StringComparison.Ordinal);

    public static OpenApiPathItem Health(string summary) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new(HealthTag) },
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "Healthy",
                        Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = Text() } },
                    },
                    ["503"] = new OpenApiResponse { Description = "Unhealthy" },
                },
            },
        },
    };

    private static async Task<OpenApiResponse> JsonResponseAsync<T>(string description, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) } },
        };

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Form(params (string Name, IOpenApiSchema Schema, bool Required)[] fields) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = fields.ToDictionary(f => f.Name, f => f.Schema),
        Required = fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
    };
}
