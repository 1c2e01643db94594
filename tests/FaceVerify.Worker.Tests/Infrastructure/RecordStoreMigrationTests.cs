using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using Microsoft.Data.Sqlite;

namespace FaceVerify.Worker.Tests;

public sealed class RecordStoreMigrationTests
{
    [Fact]
    public async Task A_database_from_before_previous_results_is_read_and_gains_the_column()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "old.db");
        var id = Guid.NewGuid();
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE verifications (verification_id TEXT PRIMARY KEY, candidate_id TEXT NOT NULL, exam_id TEXT NOT NULL,
                    id_photo_sha256 TEXT NOT NULL, snapshot_sha256 TEXT NOT NULL, extra_frame_sha256s TEXT NOT NULL,
                    requested_policy TEXT NULL, requested_at TEXT NOT NULL, policy TEXT NOT NULL, model_set TEXT NOT NULL,
                    attempts INTEGER NOT NULL, duplicates_answered INTEGER NOT NULL DEFAULT 0, verdict TEXT NOT NULL,
                    timings_json TEXT NOT NULL, result_json TEXT NOT NULL, completed_at TEXT NOT NULL);
                INSERT INTO verifications VALUES ($id, 'c', 'e', 'a', 'b', '[]', NULL, '2026-01-01T00:00:00+00:00', 'default@1', 'm', 1, 0,
                    'pass', '{}', $result, '2026-01-01T00:00:01+00:00');
                """;
            command.Parameters.AddWithValue("$id", id.ToString());
            command.Parameters.AddWithValue("$result", $$"""
                {"verificationId":"{{id}}","candidateId":"c","examId":"e","verdict":"pass","retakeAllowed":false,"findings":[],
                 "scores":{},"policy":"default@1","modelSet":"m","attempt":1,"completedAt":"2026-01-01T00:00:01+00:00"}
                """);
            await command.ExecuteNonQueryAsync();
        }

        var store = new SqliteVerificationRecordStore(Microsoft.Extensions.Options.Options.Create(new RecordOptions { DatabasePath = path }));
        var old = (await store.FindAsync(id, default))!;
        Assert.Null(old.PreviousResult);

        var rerun = old.LatestResult with { Attempt = 2, Policy = "strict@1" };
        await store.SaveAsync(old with { Attempts = 2, LatestResult = rerun, PreviousResult = old.LatestResult }, default);
        var saved = (await store.FindAsync(id, default))!;
        Assert.Equal(("strict@1", "default@1"), (saved.LatestResult.Policy, saved.PreviousResult?.Policy));
    }
}
