using FaceVerify.Contracts;

namespace ExamBackend;

/// <summary>Turns a picture the backend holds into the <see cref="ImageInput"/> the worker can read.</summary>
public interface ICandidateImages
{
    Task<ImageInput> ReferenceAsync(string fileOrUrl, CancellationToken cancellationToken);
}
