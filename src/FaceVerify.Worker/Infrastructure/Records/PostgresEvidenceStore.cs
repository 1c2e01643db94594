using Npgsql;

namespace FaceVerify.Worker.Records;

/// <summary>Re-run evidence in the shared database: a re-run lands on any worker and finds the images another one kept.</summary>
public sealed class PostgresEvidenceStore(PostgresDatabase database, TimeProvider clock) : IEvidenceStore
{
    public async Task SaveAsync(Guid verificationId, VerificationEvidence evidence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Same id, same images: the first copy stands.
        await using var command = new NpgsqlCommand("""
            INSERT INTO verification_evidence (verification_id, id_photo, snapshot, extra_frames, saved_at)
            VALUES ($1, $2, $3, $4, $5) ON CONFLICT (verification_id) DO NOTHING
            """, connection)
        {
            Parameters =
            {
                new() { Value = verificationId }, new() { Value = evidence.IdPhoto }, new() { Value = evidence.Snapshot },
                new() { Value = evidence.ExtraFrames.ToArray() }, new() { Value = clock.GetUtcNow() },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<VerificationEvidence?> LoadAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id_photo, snapshot, extra_frames FROM verification_evidence WHERE verification_id = $1", connection)
            { Parameters = { new() { Value = verificationId } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new VerificationEvidence(reader.GetFieldValue<byte[]>(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[][]>(2));
    }

    public async Task<int> DeleteSavedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM verification_evidence WHERE saved_at < $1", connection)
            { Parameters = { new() { Value = cutoff.ToUniversalTime() } } };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
