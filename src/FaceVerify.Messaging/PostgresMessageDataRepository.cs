using MassTransit;
using Npgsql;

namespace FaceVerify.Messaging;

/// <summary>
/// MassTransit's claim check in the shared PostgreSQL database: the message carries only an address
/// (<c>urn:faceverify:message-data:{id}</c>), so a publisher on another machine needs no folder in common with the workers.
/// </summary>
public sealed class PostgresMessageDataRepository(IPostgresConnections database, TimeProvider clock) : IMessageDataRepository
{
    private const string AddressPrefix = "urn:faceverify:message-data:";

    public async Task<Stream> Get(Uri address, CancellationToken cancellationToken = default)
    {
        if (!address.OriginalString.StartsWith(AddressPrefix, StringComparison.Ordinal)
            || !Guid.TryParseExact(address.OriginalString[AddressPrefix.Length..], "N", out var id))
            throw new MessageDataNotFoundException(address);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT data FROM message_data WHERE id = $1 AND (expires_at IS NULL OR expires_at > $2)", connection)
            { Parameters = { new() { Value = id }, new() { Value = clock.GetUtcNow() } } };
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] bytes
            ? new MemoryStream(bytes, writable: false)
            : throw new MessageDataNotFoundException(address);
    }

    public async Task<Uri> Put(Stream stream, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var id = NewId.NextGuid();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO message_data (id, data, created_at, expires_at) VALUES ($1, $2, $3, $4)", connection)
        {
            Parameters =
            {
                new() { Value = id }, new() { Value = buffer.ToArray() }, new() { Value = now },
                new() { Value = timeToLive is { } ttl ? now + ttl : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new Uri($"{AddressPrefix}{id:N}");
    }

    /// <returns>How many expired entries were deleted.</returns>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM message_data WHERE expires_at < $1", connection)
            { Parameters = { new() { Value = clock.GetUtcNow() } } };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
