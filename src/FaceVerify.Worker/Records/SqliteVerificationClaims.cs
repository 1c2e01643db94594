using Microsoft.Data.Sqlite;

namespace FaceVerify.Worker.Records;

/// <summary>
/// The claim in the SQLite store. SQLite runs one writer at a time, so the single upsert below is the decision: a new
/// row wins; an existing one is taken over only when its lease has run out and no record exists yet.
/// </summary>
public sealed partial class SqliteVerificationRecordStore
{
    public async Task<VerificationClaim> ClaimAsync(Guid verificationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO verification_claims (verification_id, owner, lease_until_ms, claims) VALUES ($id, $owner, $until, 1)
                ON CONFLICT (verification_id) DO UPDATE
                    SET owner = excluded.owner, lease_until_ms = excluded.lease_until_ms, claims = claims + 1
                    WHERE lease_until_ms < $now
                      AND NOT EXISTS (SELECT 1 FROM verifications WHERE verification_id = excluded.verification_id)
                RETURNING claims
                """;
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            command.Parameters.AddWithValue("$id", verificationId.ToString());
            command.Parameters.AddWithValue("$owner", owner);
            command.Parameters.AddWithValue("$until", now + (long)lease.TotalMilliseconds);
            command.Parameters.AddWithValue("$now", now);
            // A first claim on an id saved without one (a database from before claims) must not win over its record.
            if (await FindAsync(verificationId, cancellationToken) is { } saved)
                return new VerificationClaim(VerificationClaimOutcome.Completed, saved);
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
                return new VerificationClaim(VerificationClaimOutcome.Won, null);
        }
        return await FindAsync(verificationId, cancellationToken) is { } record
            ? new VerificationClaim(VerificationClaimOutcome.Completed, record)
            : new VerificationClaim(VerificationClaimOutcome.HeldByOther, null);
    }

    private static async Task CreateClaimTableAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS verification_claims (
                verification_id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                lease_until_ms INTEGER NOT NULL,
                claims INTEGER NOT NULL)
            """;
        await command.ExecuteNonQueryAsync();
    }
}
