using FaceVerify.Contracts;

namespace FaceVerify.Worker.Images;

/// <summary>Turns an <see cref="ImageInput"/> into bytes, or into the finding that says why not.</summary>
public interface IImageLoader
{
    /// <param name="role">How findings name the image: <c>ID photo</c>, <c>snapshot</c>, …</param>
    Task<ImageLoadResult> LoadAsync(ImageInput input, string role, CancellationToken cancellationToken);
}
