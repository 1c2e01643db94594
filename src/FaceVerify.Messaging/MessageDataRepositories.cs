using MassTransit;
using MassTransit.MessageData;

namespace FaceVerify.Messaging;

/// <summary>The claim-check repository shared by the worker and bus clients (the CLI's submit).</summary>
public static class MessageDataRepositories
{
    public static IMessageDataRepository FileSystem(MessageDataOptions options) =>
        new FileSystemMessageDataRepository(Directory.CreateDirectory(options.Path));

    /// <summary>
    /// For a bus client outside the worker's host: the provider and connection string come from the same environment
    /// variables the worker reads (<c>FaceVerify__MessageData__Provider</c>, <c>FaceVerify__Postgres__ConnectionString</c>).
    /// </summary>
    public static IMessageDataRepository FromEnvironment(string fileSystemPath)
    {
        var provider = Environment.GetEnvironmentVariable("FaceVerify__MessageData__Provider");
        if (!string.Equals(provider, nameof(MessageDataProvider.Postgres), StringComparison.OrdinalIgnoreCase))
            return FileSystem(new MessageDataOptions { Path = fileSystemPath });
        var connectionString = Environment.GetEnvironmentVariable("FaceVerify__Postgres__ConnectionString");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("FaceVerify__MessageData__Provider=Postgres needs FaceVerify__Postgres__ConnectionString.");
        return new PostgresMessageDataRepository(new PostgresDataSourceConnections(connectionString), TimeProvider.System);
    }
}
