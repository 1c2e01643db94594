using FaceVerify.Worker.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Records;

/// <summary>Challenges in the records' SQLite file (times as Unix milliseconds, like the claims).</summary>
public sealed class SqliteChallengeStore : IChallengeStore
{
    private readonly SqliteFile _file;

    public SqliteChallengeStore(IOptions<RecordOptions> options) => _file = new SqliteFile(options.Value.DatabasePath, CreateSchemaAsync);

    public async Task IssueAsync(StoredChallenge challenge, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO challenges (challenge_id, steps, policy, issued_at, expires_at) VALUES ($id, $steps, $policy, $issued, $expires)
            """;
        command.Parameters.AddWithValue("$id", challenge.ChallengeId);
        command.Parameters.AddWithValue("$steps", challenge.StepsText);
        command.Parameters.AddWithValue("$policy", (object?)challenge.Policy ?? DBNull.Value);
        command.Parameters.AddWithValue("$issued", challenge.IssuedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", challenge.ExpiresAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ChallengeRedemption> RedeemAsync(string challengeId, Guid verificationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var redeem = connection.CreateCommand())
        {
            // One statement under SQLite's write lock: of concurrent redeemers on the file exactly one changes the row.
            redeem.CommandText = """
                UPDATE challenges SET used_at = $now, used_by = $verification
                WHERE challenge_id = $id AND used_by IS NULL AND expires_at > $now
                """;
            redeem.Parameters.AddWithValue("$id", challengeId);
            redeem.Parameters.AddWithValue("$verification", verificationId.ToString());
            redeem.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await redeem.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT steps, policy, issued_at, expires_at, used_by FROM challenges WHERE challenge_id = $id";
        read.Parameters.AddWithValue("$id", challengeId);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new ChallengeRedemption(ChallengeRedemptionStatus.Unknown, null);
        var challenge = new StoredChallenge(challengeId, StoredChallenge.ParseSteps(reader.GetString(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        var usedBy = reader.IsDBNull(4) ? (Guid?)null : Guid.Parse(reader.GetString(4));
        return ChallengeRedemptions.Judge(challenge, usedBy, verificationId);
    }

    public async Task<StoredChallenge?> FindRedeemedByAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT challenge_id, steps, policy, issued_at, expires_at FROM challenges WHERE used_by = $verification";
        read.Parameters.AddWithValue("$verification", verificationId.ToString());
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredChallenge(reader.GetString(0), StoredChallenge.ParseSteps(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    public async Task<int> DeleteExpiredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM challenges WHERE expires_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    private static async Task CreateSchemaAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS challenges (
                challenge_id TEXT PRIMARY KEY,
                steps TEXT NOT NULL,
                policy TEXT NULL,
                issued_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                used_at INTEGER NULL,
                used_by TEXT NULL);
            CREATE INDEX IF NOT EXISTS challenges_expires_at ON challenges (expires_at);
            CREATE INDEX IF NOT EXISTS challenges_used_by ON challenges (used_by);
            """;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>What a challenge row means for a verification after the conditional update ran (or changed nothing).</summary>
internal static class ChallengeRedemptions
{
    public static ChallengeRedemption Judge(StoredChallenge challenge, Guid? usedBy, Guid verificationId) => usedBy switch
    {
        { } owner when owner == verificationId => new ChallengeRedemption(ChallengeRedemptionStatus.Redeemed, challenge),
        not null => new ChallengeRedemption(ChallengeRedemptionStatus.Reused, null),
        null => new ChallengeRedemption(ChallengeRedemptionStatus.Expired, null),
    };
}
