using Npgsql;

namespace FaceVerify.Worker.Records;

/// <summary>Challenges in the shared PostgreSQL database (migration 0006): any worker may redeem, exactly one succeeds.</summary>
public sealed class PostgresChallengeStore(PostgresDatabase database) : IChallengeStore
{
    public async Task IssueAsync(StoredChallenge challenge, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO challenges (challenge_id, steps, policy, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)
            """, connection)
        {
            Parameters =
            {
                new() { Value = challenge.ChallengeId }, new() { Value = challenge.StepsText },
                new() { Value = (object?)challenge.Policy ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = challenge.IssuedAt }, new() { Value = challenge.ExpiresAt },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ChallengeRedemption> RedeemAsync(string challengeId, Guid verificationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var redeem = new NpgsqlCommand("""
            UPDATE challenges SET used_at = $3, used_by = $2 WHERE challenge_id = $1 AND used_by IS NULL AND expires_at > $3
            """, connection) { Parameters = { new() { Value = challengeId }, new() { Value = verificationId }, new() { Value = now } } })
            await redeem.ExecuteNonQueryAsync(cancellationToken);

        await using var read = new NpgsqlCommand("SELECT steps, policy, issued_at, expires_at, used_by FROM challenges WHERE challenge_id = $1",
            connection) { Parameters = { new() { Value = challengeId } } };
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return new ChallengeRedemption(ChallengeRedemptionStatus.Unknown, null);
        var challenge = new StoredChallenge(challengeId, StoredChallenge.ParseSteps(reader.GetString(0)),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
        var usedBy = reader.IsDBNull(4) ? (Guid?)null : reader.GetGuid(4);
        return ChallengeRedemptions.Judge(challenge, usedBy, verificationId);
    }

    public async Task<StoredChallenge?> FindRedeemedByAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var read = new NpgsqlCommand("SELECT challenge_id, steps, policy, issued_at, expires_at FROM challenges WHERE used_by = $1",
            connection) { Parameters = { new() { Value = verificationId } } };
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredChallenge(reader.GetString(0), StoredChallenge.ParseSteps(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4));
    }

    public async Task<int> DeleteExpiredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM challenges WHERE expires_at < $1", connection) { Parameters = { new() { Value = cutoff } } };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
