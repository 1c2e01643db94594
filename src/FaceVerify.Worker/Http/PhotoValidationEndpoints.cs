using FaceVerify.Core.Json;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Images;
using FaceVerify.Worker.Options;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Http;

/// <summary><c>POST /v1/id-photos/validate</c>: a raw image body or a multipart upload, checked like <c>check-photo</c>.</summary>
public static class PhotoValidationEndpoints
{
    public static void MapPhotoValidation(this IEndpointRouteBuilder app, HttpOptions limits)
    {
        app.MapPost("/v1/id-photos/validate", ValidateAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limits.ValidateMaxBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.ValidateMaxBytes });
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, IIdPhotoChecker checker,
        IOptions<HttpOptions> limits, CancellationToken cancellationToken)
    {
        var max = limits.Value.ValidateMaxBytes;
        if (request.ContentLength > max) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        try
        {
            var upload = request.HasFormContentType
                ? await ReadMultipartAsync(request, cancellationToken)
                : new Upload(null, await BoundedReader.ReadAsync(request.Body, max, cancellationToken));
            if (upload.Bytes is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            if (upload.Bytes.Length == 0) return Results.Problem("The request carries no image.", statusCode: StatusCodes.Status400BadRequest);
            var result = await checker.CheckAsync(upload.Bytes, policy: request.Query["policy"], cancellationToken);
            return Results.Json(result.ToAnswer(upload.FileName), FaceVerifyJson.Options);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException)
        {
            // Multipart parsing refuses sections over the form limit with this exception.
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static async Task<Upload> ReadMultipartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.FirstOrDefault();
        if (file is null) return new Upload(null, []);
        await using var stream = file.OpenReadStream();
        return new Upload(file.FileName, await BoundedReader.ReadAsync(stream, request.HttpContext.Features
            .Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue, cancellationToken));
    }

    private sealed record Upload(string? FileName, byte[]? Bytes);
}
