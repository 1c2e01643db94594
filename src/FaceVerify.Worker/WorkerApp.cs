using FaceVerify.Worker.Challenges;
using FaceVerify.Worker.Http;
using FaceVerify.Worker.Idempotency;
using FaceVerify.Worker.Images;
using FaceVerify.Worker.Messaging;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using FaceVerify.Worker.Telemetry;
using FaceVerify.Worker.Verification;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker;

/// <summary>The composition root: one process serving the bus consumers and the HTTP routes.</summary>
public static class WorkerApp
{
    /// <param name="overrideServices">For tests: replaces registrations after the defaults (e.g. a fake core).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configuration = builder.Configuration;
        var http = configuration.GetSection("FaceVerify:Http").Get<HttpOptions>() ?? new HttpOptions();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(35));

        AddServices(builder.Services, configuration);
        builder.Services.AddFaceVerifyOpenApi();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapFaceVerifyHealth();
        app.MapPhotoValidation(http);
        app.MapAdmin(http);
        app.MapChallenges();
        app.MapFaceVerifyOpenApi();
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ConsumerOptions>()
            .Bind(configuration.GetSection("FaceVerify:Models"))
            .Bind(configuration.GetSection("FaceVerify:Consumers"));
        BindOptions<MessageDataOptions>(services, configuration, "FaceVerify:MessageData");
        BindOptions<ImageFetchOptions>(services, configuration, "FaceVerify:ImageFetch");
        BindOptions<RecordOptions>(services, configuration, "FaceVerify:Records");
        BindOptions<HttpOptions>(services, configuration, "FaceVerify:Http");
        BindOptions<AdminOptions>(services, configuration, "FaceVerify:Admin");

        services.AddCore(configuration);
        services.AddFaceVerifyTelemetry(configuration);
        services.AddFaceVerifyMessaging(configuration);

        services.AddSingleton<IImageLoader, ImageInputLoader>();
        AddImageFetchClient(services, configuration);
        services.AddRecordStores(configuration);   // SQLite or PostgreSQL, and the claim-check repository
        services.AddSingleton<WorkerInstance>();
        services.AddSingleton<VerificationClaims>();
        services.AddSingleton<LivenessChallenges>();
        services.AddSingleton<ChallengeJudge>();
        services.AddScoped<IVerificationService, RecordedVerificationService>();
        services.AddHostedService<RetentionSweeper>();

        services.AddHealthChecks().AddCheck<ModelsHealthCheck>("models", tags: [HealthEndpoints.ReadyTag]);
    }

    private static void AddImageFetchClient(IServiceCollection services, IConfiguration configuration)
    {
        var fetch = configuration.GetSection("FaceVerify:ImageFetch").Get<ImageFetchOptions>() ?? new ImageFetchOptions();
        services.AddHttpClient<IRemoteImageFetcher, AllowListedImageFetcher>(AllowListedImageFetcher.HttpClientName)
            // A redirect could lead to a host off the allow-list, so none is followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = Math.Max(1, fetch.RetryCount);
                o.AttemptTimeout.Timeout = fetch.Timeout;
                o.TotalRequestTimeout.Timeout = fetch.Timeout * (fetch.RetryCount + 1) + TimeSpan.FromSeconds(5);
                o.CircuitBreaker.SamplingDuration = fetch.Timeout * 2 + TimeSpan.FromSeconds(1);
            });
    }

    private static void BindOptions<T>(IServiceCollection services, IConfiguration configuration, string section) where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section));
}
