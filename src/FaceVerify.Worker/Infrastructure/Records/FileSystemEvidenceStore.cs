using FaceVerify.Worker.Options;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Records;

/// <summary>One folder per verification; written to a temporary folder and renamed, so a crash never leaves half of it.</summary>
public sealed class FileSystemEvidenceStore(IOptions<RecordOptions> options, TimeProvider clock) : IEvidenceStore
{
    private const string IdPhotoFile = "id-photo.bin";
    private const string SnapshotFile = "snapshot.bin";
    private readonly DirectoryInfo _root = Directory.CreateDirectory(Path.GetFullPath(options.Value.EvidencePath));

    public async Task SaveAsync(Guid verificationId, VerificationEvidence evidence, CancellationToken cancellationToken)
    {
        var target = FolderOf(verificationId);
        if (Directory.Exists(target)) return;   // same id, same images: the first copy stands
        var staging = Path.Combine(_root.FullName, $".staging-{verificationId:N}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        await File.WriteAllBytesAsync(Path.Combine(staging, IdPhotoFile), evidence.IdPhoto, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(staging, SnapshotFile), evidence.Snapshot, cancellationToken);
        for (var i = 0; i < evidence.ExtraFrames.Count; i++)
            await File.WriteAllBytesAsync(Path.Combine(staging, FrameFile(i)), evidence.ExtraFrames[i], cancellationToken);
        Directory.SetLastWriteTimeUtc(staging, clock.GetUtcNow().UtcDateTime);
        try { Directory.Move(staging, target); }
        catch (IOException) when (Directory.Exists(target)) { Directory.Delete(staging, recursive: true); }
    }

    public async Task<VerificationEvidence?> LoadAsync(Guid verificationId, CancellationToken cancellationToken)
    {
        var folder = FolderOf(verificationId);
        if (!Directory.Exists(folder)) return null;
        var frames = new List<byte[]>();
        for (var i = 0; File.Exists(Path.Combine(folder, FrameFile(i))); i++)
            frames.Add(await File.ReadAllBytesAsync(Path.Combine(folder, FrameFile(i)), cancellationToken));
        return new VerificationEvidence(
            await File.ReadAllBytesAsync(Path.Combine(folder, IdPhotoFile), cancellationToken),
            await File.ReadAllBytesAsync(Path.Combine(folder, SnapshotFile), cancellationToken),
            frames);
    }

    public Task<int> DeleteSavedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var folder in _root.EnumerateDirectories())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (folder.LastWriteTimeUtc >= cutoff.UtcDateTime) continue;
            folder.Delete(recursive: true);
            deleted++;
        }
        return Task.FromResult(deleted);
    }

    private string FolderOf(Guid verificationId) => Path.Combine(_root.FullName, verificationId.ToString("N"));
    private static string FrameFile(int index) => $"frame-{index}.bin";
}
