using System.Security.Cryptography;
using System.Text;
using FaceVerify.Worker.Options;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Http;

/// <summary>Admin routes need <c>X-Api-Key</c>; compared in constant time so the key cannot be guessed byte by byte.</summary>
public sealed class ApiKeyEndpointFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (string.IsNullOrEmpty(options.Value.ApiKey))
            return Results.Problem("The admin API is disabled: no API key is configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        var expected = Encoding.UTF8.GetBytes(options.Value.ApiKey);
        var actual = Encoding.UTF8.GetBytes(presented);
        // Hash both sides so that lengths differ in no observable way either.
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(expected), SHA256.HashData(actual)))
            return Results.Unauthorized();
        return await next(context);
    }
}
