using System.Text.Json;
using FaceVerify.Contracts;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Options;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Records;

/// <summary>Records in an embedded SQLite file (WAL, one short connection per call; pooling keeps that cheap).</summary>
public sealed class SqliteVerificationRecordStore : IVerificationRecordStore
{
    private static readonly JsonSerializerOptions Json = VerificationRecordColumns.Json;
    private readonly SqliteFile _file;
    private readonly TimeProvider _clock;

    public SqliteVerificationRecordStore(IOptions<RecordOptions> options, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _file = new SqliteFile(options.Value.DatabasePath, CreateSchemaAsync);
    }

    public async Task<VerificationRecord?> FindAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await FindAsync(connection, verificationId, cancellationToken);
    }

    private static async Task<VerificationRecord?> FindAsync(SqliteConnection connection, Guid verificationId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT candidate_id, exam_id, id_photo_sha256, snapshot_sha256, extra_frame_sha256s, requested_policy,
                   requested_at, attempts, duplicates_answered, result_json, previous_result_json, faces_json, previous_faces_json
            FROM verifications WHERE verification_id = $id
            """;
        command.Parameters.AddWithValue("$id", verificationId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return VerificationRecordColumns.Read(verificationId, reader,
            (r, i) => DateTimeOffset.Parse(r.GetString(i), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IReadOnlyList<VerificationSummary>> ListAsync(VerificationQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT verification_id, candidate_id, exam_id, verdict, policy, attempts, completed_at FROM verifications
            WHERE ($candidate IS NULL OR candidate_id = $candidate) AND ($exam IS NULL OR exam_id = $exam)
            ORDER BY completed_at DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$candidate", (object?)query.CandidateId ?? DBNull.Value);
        command.Parameters.AddWithValue("$exam", (object?)query.ExamId ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var list = new List<VerificationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(new VerificationSummary(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), DateTimeOffset.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture)));
        return list;
    }

    public async Task<VerificationClaim> ClaimAsync(Guid verificationId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        bool won;
        await using (var claim = connection.CreateCommand())
        {
            // One statement, so atomic across processes on the file: a new claim, or a takeover of one whose lease ran out.
            claim.CommandText = """
                INSERT INTO verification_claims (verification_id, owner, claimed_at, expires_at) VALUES ($id, $owner, $now, $expires)
                ON CONFLICT (verification_id) DO UPDATE SET
                    owner = excluded.owner, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
                WHERE verification_claims.expires_at <= $now
                """;
            claim.Parameters.AddWithValue("$id", verificationId.ToString());
            claim.Parameters.AddWithValue("$owner", owner);
            claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            claim.Parameters.AddWithValue("$expires", (now + lease).ToUnixTimeMilliseconds());
            won = await claim.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        // Save writes the record before it ends the claim, so a claim won after a finished run still finds the record here.
        if (await FindAsync(connection, verificationId, cancellationToken) is { } record)
        {
            if (won) await EndClaimAsync(connection, verificationId, cancellationToken);
            return new VerificationClaim(VerificationClaimOutcome.Completed, record);
        }
        return new VerificationClaim(won ? VerificationClaimOutcome.Won : VerificationClaimOutcome.HeldByOther, null);
    }

    private static async Task EndClaimAsync(SqliteConnection connection, Guid verificationId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM verification_claims WHERE verification_id = $id";
        command.Parameters.AddWithValue("$id", verificationId.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveAsync(VerificationRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO verifications (verification_id, candidate_id, exam_id, id_photo_sha256, snapshot_sha256,
                extra_frame_sha256s, requested_policy, requested_at, policy, model_set, attempts, duplicates_answered,
                verdict, timings_json, result_json, completed_at, previous_result_json, faces_json, previous_faces_json)
            VALUES ($id, $candidate, $exam, $photo, $snapshot, $frames, $requestedPolicy, $requestedAt, $policy, $modelSet,
                $attempts, $duplicates, $verdict, $timings, $result, $completedAt, $previous, $faces, $previousFaces)
            ON CONFLICT (verification_id) DO UPDATE SET
                policy = excluded.policy, model_set = excluded.model_set, attempts = excluded.attempts,
                verdict = excluded.verdict, timings_json = excluded.timings_json, result_json = excluded.result_json,
                completed_at = excluded.completed_at, previous_result_json = excluded.previous_result_json,
                faces_json = excluded.faces_json, previous_faces_json = excluded.previous_faces_json
            """;
        var result = record.LatestResult;
        var p = command.Parameters;
        p.AddWithValue("$id", record.VerificationId.ToString());
        p.AddWithValue("$candidate", record.CandidateId);
        p.AddWithValue("$exam", record.ExamId);
        p.AddWithValue("$photo", record.IdPhotoSha256);
        p.AddWithValue("$snapshot", record.SnapshotSha256);
        p.AddWithValue("$frames", JsonSerializer.Serialize(record.ExtraFrameSha256s, Json));
        p.AddWithValue("$requestedPolicy", (object?)record.RequestedPolicy ?? DBNull.Value);
        p.AddWithValue("$requestedAt", record.RequestedAt.ToString("O"));
        p.AddWithValue("$policy", result.Policy);
        p.AddWithValue("$modelSet", result.ModelSet);
        p.AddWithValue("$attempts", record.Attempts);
        p.AddWithValue("$duplicates", record.DuplicatesAnswered);
        p.AddWithValue("$verdict", result.Verdict);
        p.AddWithValue("$timings", JsonSerializer.Serialize(result.TimingsMs, Json));
        p.AddWithValue("$result", JsonSerializer.Serialize(result, Json));
        p.AddWithValue("$completedAt", result.CompletedAt.ToString("O"));
        p.AddWithValue("$previous", record.PreviousResult is { } previous ? JsonSerializer.Serialize(previous, Json) : DBNull.Value);
        p.AddWithValue("$faces", VerificationRecordColumns.FacesColumn(record.LatestFaces));
        p.AddWithValue("$previousFaces", VerificationRecordColumns.FacesColumn(record.PreviousFaces));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await EndClaimAsync(connection, record.VerificationId, cancellationToken);
    }

    public async Task CountDuplicateAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE verifications SET duplicates_answered = duplicates_answered + 1 WHERE verification_id = $id";
        command.Parameters.AddWithValue("$id", verificationId.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _file.OpenAsync(cancellationToken);

    private static async Task CreateSchemaAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS verifications (
                verification_id TEXT PRIMARY KEY,
                candidate_id TEXT NOT NULL,
                exam_id TEXT NOT NULL,
                id_photo_sha256 TEXT NOT NULL,
                snapshot_sha256 TEXT NOT NULL,
                extra_frame_sha256s TEXT NOT NULL,
                requested_policy TEXT NULL,
                requested_at TEXT NOT NULL,
                policy TEXT NOT NULL,
                model_set TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                duplicates_answered INTEGER NOT NULL DEFAULT 0,
                verdict TEXT NOT NULL,
                timings_json TEXT NOT NULL,
                result_json TEXT NOT NULL,
                completed_at TEXT NOT NULL,
                previous_result_json TEXT NULL,
                faces_json TEXT NULL,
                previous_faces_json TEXT NULL);
            CREATE INDEX IF NOT EXISTS verifications_completed_at ON verifications (completed_at DESC);
            CREATE TABLE IF NOT EXISTS verification_claims (
                verification_id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                claimed_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL);
            """;
        await command.ExecuteNonQueryAsync();
        await AddColumnIfMissingAsync(connection, "previous_result_json", "TEXT NULL");
        await AddColumnIfMissingAsync(connection, "faces_json", "TEXT NULL");
        await AddColumnIfMissingAsync(connection, "previous_faces_json", "TEXT NULL");
    }

    /// <summary>Databases created by an earlier version lack newer columns; SQLite has no ADD COLUMN IF NOT EXISTS.</summary>
    private static async Task AddColumnIfMissingAsync(SqliteConnection connection, string column, string definition)
    {
        await using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('verifications') WHERE name = $column";
        probe.Parameters.AddWithValue("$column", column);
        if (Convert.ToInt64(await probe.ExecuteScalarAsync()) > 0) return;
        await using var alter = connection.CreateCommand();
        alter.CommandText = $"ALTER TABLE verifications ADD COLUMN {column} {definition}";
        try { await alter.ExecuteNonQueryAsync(); }
        // Another worker on the same file may have added it between the probe and here.
        catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase)) { }
    }
}
