namespace FaceVerify.Worker.Options;

/// <summary>Sqlite: one worker, embedded. Postgres: any number of workers sharing records, claims and evidence.</summary>
public enum RecordProvider { Sqlite, Postgres }

/// <summary>Section <c>FaceVerify:Records</c>: where records and re-run evidence live, and for how long.</summary>
public sealed record RecordOptions
{
    public RecordProvider Provider { get; init; } = RecordProvider.Sqlite;
    public string DatabasePath { get; init; } = System.IO.Path.Combine("data", "verifications.db");
    public string EvidencePath { get; init; } = System.IO.Path.Combine("data", "evidence");
    public TimeSpan EvidenceRetention { get; init; } = TimeSpan.FromDays(30);
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromHours(1);
    /// <summary>How long a claimed VerificationId stays with the worker computing it before another may take it over.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(2);
}
