using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PhotoUpload;

// Settings: appsettings.json, then environment variables (PhotoUpload__WorkerBaseUrl=http://worker:8080/).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddOptions<PhotoUploadOptions>().Bind(builder.Configuration.GetSection("PhotoUpload"));
builder.Services.AddSingleton<ReasonTexts>();
builder.Services.AddSingleton<UploadPage>();
builder.Services.AddHttpClient<IIdPhotoValidator, WorkerIdPhotoValidator>((sp, http) =>
{
    var options = sp.GetRequiredService<IOptions<PhotoUploadOptions>>().Value;
    http.BaseAddress = options.WorkerBaseUrl;
    http.Timeout = options.Timeout;
});

var app = builder.Build();
var limits = app.Services.GetRequiredService<IOptions<PhotoUploadOptions>>().Value;

app.MapGet("/", (UploadPage page, HttpResponse response) => Html(response, page.Empty()));
app.MapPost("/upload", async (HttpRequest request, HttpResponse response, UploadPage page, IIdPhotoValidator validator,
        IOptions<PhotoUploadOptions> options, CancellationToken cancellationToken) =>
    {
        // The form is read by hand (no antiforgery binding needed): the page keeps no state a forged post could change.
        if (!request.HasFormContentType) return Results.Redirect("/");
        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(cancellationToken)).Files.GetFile("photo");
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Html(response, page.TooLarge(options.Value.MaxBytes), StatusCodes.Status413PayloadTooLarge);
        }
        if (file is not { Length: > 0 }) return Html(response, page.Empty(), StatusCodes.Status400BadRequest);
        if (file.Length > options.Value.MaxBytes) return Html(response, page.TooLarge(options.Value.MaxBytes), StatusCodes.Status413PayloadTooLarge);

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var photo = buffer.ToArray();
        return await validator.ValidateAsync(photo, cancellationToken) is { } check
            ? Html(response, page.Result(photo, check))
            : Html(response, page.Unavailable(), StatusCodes.Status503ServiceUnavailable);
    })
    // A little over the photo cap for the multipart framing.
    .WithMetadata(new RequestSizeLimitAttribute(limits.MaxBytes + 64 * 1024))
    .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.MaxBytes + 64 * 1024 });

app.Run();

static IResult Html(HttpResponse response, string html, int status = StatusCodes.Status200OK)
{
    response.Headers.ContentSecurityPolicy = UploadPage.ContentSecurityPolicy;
    response.Headers.XContentTypeOptions = "nosniff";
    response.Headers.CacheControl = "no-store";
    return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
