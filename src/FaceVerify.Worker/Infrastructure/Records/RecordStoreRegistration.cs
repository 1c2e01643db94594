using FaceVerify.Worker.Http;
using FaceVerify.Messaging;
using FaceVerify.Worker.Messaging;
using FaceVerify.Worker.Options;
using MassTransit;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Records;

/// <summary>
/// Records, claims, evidence and the claim-check repository by provider: SQLite and a folder for one worker
/// (the embedded default), PostgreSQL for any number of workers (<c>FaceVerify__Records__Provider=Postgres</c>,
/// <c>FaceVerify__MessageData__Provider=Postgres</c>, <c>FaceVerify__Postgres__ConnectionString</c>).
/// </summary>
public static class RecordStoreRegistration
{
    public static IServiceCollection AddRecordStores(this IServiceCollection services, IConfiguration configuration)
    {
        var records = configuration.GetSection("FaceVerify:Records").Get<RecordOptions>() ?? new RecordOptions();
        var messageData = configuration.GetSection("FaceVerify:MessageData").Get<MessageDataOptions>() ?? new MessageDataOptions();
        services.AddOptions<PostgresOptions>().Bind(configuration.GetSection("FaceVerify:Postgres"));

        var usesPostgres = records.Provider == RecordProvider.Postgres || messageData.Provider == MessageDataProvider.Postgres;
        if (usesPostgres)
        {
            services.AddSingleton<PostgresDatabase>();
            services.AddSingleton<IPostgresConnections>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddHostedService<PostgresMigrationStartup>();
            services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: [HealthEndpoints.ReadyTag]);
        }

        if (records.Provider == RecordProvider.Postgres)
        {
            services.AddSingleton<IVerificationRecordStore, PostgresVerificationRecordStore>();
            services.AddSingleton<IEvidenceStore, PostgresEvidenceStore>();
            services.AddSingleton<IChallengeStore, PostgresChallengeStore>();
        }
        else
        {
            services.AddSingleton<IVerificationRecordStore, SqliteVerificationRecordStore>();
            services.AddSingleton<IEvidenceStore, FileSystemEvidenceStore>();
            services.AddSingleton<IChallengeStore, SqliteChallengeStore>();
        }

        if (messageData.Provider == MessageDataProvider.Postgres)
        {
            services.AddSingleton<PostgresMessageDataRepository>();
            services.AddSingleton<IMessageDataRepository>(sp => sp.GetRequiredService<PostgresMessageDataRepository>());
        }
        else
        {
            services.AddSingleton<IMessageDataRepository>(sp =>
                MessageDataRepositories.FileSystem(sp.GetRequiredService<IOptions<MessageDataOptions>>().Value));
        }
        return services;
    }
}
