using FaceVerify.Contracts;
using FaceVerify.Worker.Idempotency;
using FaceVerify.Worker.Images;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using FaceVerify.Worker.Telemetry;
using FaceVerify.Worker.Verification;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Tests;

/// <summary>The verification service over real records, evidence and file-URL images, with a counting fake core.</summary>
internal sealed class FileUrlWorld : IDisposable
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public FileUrlWorld()
    {
        var root = TestPaths.NewTempDirectory();
        Records = new RecordOptions { DatabasePath = Path.Combine(root, "records.db"), EvidencePath = Path.Combine(root, "evidence") };
        RecordStore = new SqliteVerificationRecordStore(Microsoft.Extensions.Options.Options.Create(Records));
        Evidence = new FileSystemEvidenceStore(Microsoft.Extensions.Options.Options.Create(Records), TimeProvider.System);
        Service = NewService(RecordStore);
    }

    /// <summary>Another consumer of the same records (its own store object over the same file, its own claims), as a second worker would be.</summary>
    public RecordedVerificationService NewService(IVerificationRecordStore? store = null)
    {
        store ??= new SqliteVerificationRecordStore(Microsoft.Extensions.Options.Options.Create(Records));
        var fetch = Microsoft.Extensions.Options.Options.Create(new ImageFetchOptions { AllowFileUrls = true });
        var loader = new ImageInputLoader(new AllowListedImageFetcher(new HttpClient(), fetch), fetch);
        var claims = new VerificationClaims(store, new WorkerInstance(), Microsoft.Extensions.Options.Options.Create(Records), TimeProvider.System);
        return new RecordedVerificationService(store, claims, Evidence, loader, Verifier, new FakeModelSet(),
            new WorkerTelemetry(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            TimeProvider.System, NullLogger<RecordedVerificationService>.Instance);
    }

    public RecordOptions Records { get; }
    public CountingVerifier Verifier { get; } = new();
    public SqliteVerificationRecordStore RecordStore { get; }
    public FileSystemEvidenceStore Evidence { get; }
    public RecordedVerificationService Service { get; }

    public static VerifyIdentity Request(Guid id, string idPhoto, string snapshot) => new()
    {
        VerificationId = id,
        CandidateId = "c-1",
        ExamId = "e-1",
        IdPhoto = new ImageInput { Url = new Uri(idPhoto) },
        Snapshot = new ImageInput { Url = new Uri(snapshot) },
        RequestedAt = DateTimeOffset.UtcNow,
    };

    public void Dispose() => _metrics.Dispose();
}
