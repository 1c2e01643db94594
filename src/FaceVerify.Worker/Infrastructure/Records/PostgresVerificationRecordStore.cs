using System.Text.Json;
using FaceVerify.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace FaceVerify.Worker.Records;

/// <summary>
/// Records and claims in the shared PostgreSQL database: what any worker computed, every worker (and an
/// administrator's GET on any worker) sees, and a VerificationId is computed by one worker only.
/// </summary>
public sealed class PostgresVerificationRecordStore(PostgresDatabase database) : IVerificationRecordStore
{
    private static readonly JsonSerializerOptions Json = VerificationRecordColumns.Json;

    public async Task<VerificationRecord?> FindAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT candidate_id, exam_id, id_photo_sha256, snapshot_sha256, extra_frame_sha256s::text, requested_policy,
                   requested_at, attempts, duplicates_answered, result_json::text, previous_result_json::text,
                   faces_json::text, previous_faces_json::text
            FROM verifications WHERE verification_id = $1
            """, connection) { Parameters = { new() { Value = verificationId } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return VerificationRecordColumns.Read(verificationId, reader, (r, i) => r.GetFieldValue<DateTimeOffset>(i));
    }

    /// <summary>Stores the record and completes its claim in one statement: once the record exists no lease can be taken over.</summary>
    public async Task SaveAsync(VerificationRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH claim AS (
                INSERT INTO verification_claims (verification_id, owner, claimed_at, lease_until, completed_at)
                VALUES (@id, 'save', now(), now(), now())
                ON CONFLICT (verification_id) DO UPDATE SET completed_at = now())
            INSERT INTO verifications AS v (verification_id, candidate_id, exam_id, id_photo_sha256, snapshot_sha256,
                extra_frame_sha256s, requested_policy, requested_at, policy, model_set, attempts, first_computations,
                verdict, timings_json, result_json, completed_at, previous_result_json, faces_json, previous_faces_json)
            VALUES (@id, @candidate, @exam, @photo, @snapshot, @frames, @requestedPolicy, @requestedAt, @policy, @modelSet,
                @attempts, CASE WHEN @attempts = 1 THEN 1 ELSE 0 END, @verdict, @timings, @result, @completedAt, @previous,
                @faces, @previousFaces)
            ON CONFLICT (verification_id) DO UPDATE SET
                policy = excluded.policy, model_set = excluded.model_set, attempts = excluded.attempts,
                first_computations = v.first_computations + excluded.first_computations,
                verdict = excluded.verdict, timings_json = excluded.timings_json, result_json = excluded.result_json,
                completed_at = excluded.completed_at, previous_result_json = excluded.previous_result_json,
                faces_json = excluded.faces_json, previous_faces_json = excluded.previous_faces_json
            """, connection);
        var result = record.LatestResult;
        var p = command.Parameters;
        p.AddWithValue("id", record.VerificationId);
        p.AddWithValue("candidate", record.CandidateId);
        p.AddWithValue("exam", record.ExamId);
        p.AddWithValue("photo", record.IdPhotoSha256);
        p.AddWithValue("snapshot", record.SnapshotSha256);
        p.AddWithValue("frames", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(record.ExtraFrameSha256s, Json));
        p.AddWithValue("requestedPolicy", NpgsqlDbType.Text, (object?)record.RequestedPolicy ?? DBNull.Value);
        p.AddWithValue("requestedAt", record.RequestedAt.ToUniversalTime());
        p.AddWithValue("policy", result.Policy);
        p.AddWithValue("modelSet", result.ModelSet);
        p.AddWithValue("attempts", record.Attempts);
        p.AddWithValue("verdict", result.Verdict);
        p.AddWithValue("timings", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(result.TimingsMs, Json));
        p.AddWithValue("result", NpgsqlDbType.Json, JsonSerializer.Serialize(result, Json));
        p.AddWithValue("completedAt", result.CompletedAt.ToUniversalTime());
        p.AddWithValue("previous", NpgsqlDbType.Json,
            record.PreviousResult is { } previous ? JsonSerializer.Serialize(previous, Json) : DBNull.Value);
        p.AddWithValue("faces", NpgsqlDbType.Json, VerificationRecordColumns.FacesColumn(record.LatestFaces));
        p.AddWithValue("previousFaces", NpgsqlDbType.Json, VerificationRecordColumns.FacesColumn(record.PreviousFaces));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<VerificationSummary>> ListAsync(VerificationQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT verification_id, candidate_id, exam_id, verdict, policy, attempts, completed_at FROM verifications
            WHERE (@candidate::text IS NULL OR candidate_id = @candidate) AND (@exam::text IS NULL OR exam_id = @exam)
            ORDER BY completed_at DESC LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("candidate", NpgsqlDbType.Text, (object?)query.CandidateId ?? DBNull.Value);
        command.Parameters.AddWithValue("exam", NpgsqlDbType.Text, (object?)query.ExamId ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit);
        var list = new List<VerificationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new VerificationSummary(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6)));
        return list;
    }

    public async Task CountDuplicateAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE verifications SET duplicates_answered = duplicates_answered + 1 WHERE verification_id = $1", connection)
            { Parameters = { new() { Value = verificationId } } };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One INSERT … ON CONFLICT decides: a new row wins; an existing one is taken over only while it is neither
    /// completed nor within its lease. The conflicting row is locked and that condition re-read at its newest version,
    /// so two takers of one expired lease cannot both win, and a claim completed meanwhile is never taken.
    /// </summary>
    public async Task<VerificationClaim> ClaimAsync(Guid verificationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = new NpgsqlCommand("""
            INSERT INTO verification_claims AS c (verification_id, owner, claimed_at, lease_until)
            VALUES ($1, $2, clock_timestamp(), clock_timestamp() + $3)
            ON CONFLICT (verification_id) DO UPDATE
                SET owner = excluded.owner, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, claims = c.claims + 1
                WHERE c.completed_at IS NULL AND c.lease_until < clock_timestamp()
            RETURNING c.claims
            """, connection) { Parameters = { new() { Value = verificationId }, new() { Value = owner }, new() { Value = lease } } })
        {
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
                return new VerificationClaim(VerificationClaimOutcome.Won, null);
        }
        return await FindAsync(verificationId, cancellationToken) is { } record
            ? new VerificationClaim(VerificationClaimOutcome.Completed, record)
            : new VerificationClaim(VerificationClaimOutcome.HeldByOther, null);
    }
}
