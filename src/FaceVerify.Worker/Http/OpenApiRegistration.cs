using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace FaceVerify.Worker.Http;

/// <summary>
/// <c>/openapi/v1.json</c> and the reference page <c>/scalar/v1</c>. The route handlers read their bodies by hand
/// (size limits before reading), so the shapes cannot be inferred: <see cref="OpenApiRouteShapes"/> names them per route,
/// kept in this one file so the handlers stay as they are. The page loads only the script bundled in the
/// Scalar package and no web font: it works on a machine without internet.
/// </summary>
public static class OpenApiRegistration
{
    public const string DocumentName = "v1";
    public const string ApiKeyScheme = "ApiKey";

    public static IServiceCollection AddFaceVerifyOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "FaceVerify",
                    Version = DocumentName,
                    Description = "Face identity verification for remote exams: ID-photo checks, verifications, records, reports and re-runs. "
                        + "The bus messages are described in docs/messages.md.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyEndpointFilter.HeaderName,
                    Description = "The administrator key (FaceVerify__Admin__ApiKey). 401 without it, 503 when none is configured.",
                };
                document.Tags = new HashSet<OpenApiTag>
                {
                    new() { Name = OpenApiRouteShapes.PhotosTag, Description = "The learning platform's upload check: no key needed." },
                    new() { Name = OpenApiRouteShapes.VerificationsTag, Description = "Administrators and the HTTP submit route: X-Api-Key." },
                    new() { Name = OpenApiRouteShapes.ChallengesTag, Description = "Active liveness: a challenge for the exam client before it verifies; X-Api-Key." },
                    new() { Name = OpenApiRouteShapes.HealthTag, Description = "For the orchestrator." },
                };
                // Health checks are mapped as plain request delegates, which the API explorer does not list.
                document.Paths ??= new OpenApiPaths();
                document.Paths["/health/live"] = OpenApiRouteShapes.Health("Live: the process serves HTTP");
                document.Paths["/health/ready"] = OpenApiRouteShapes.Health("Ready: the bus is connected and the model set verified");
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(OpenApiRouteShapes.ApplyAsync);
        });

    public static void MapFaceVerifyOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o
            .WithTitle("FaceVerify API")
            .DisableDefaultFonts()
            .DisableTelemetry());
    }
}
