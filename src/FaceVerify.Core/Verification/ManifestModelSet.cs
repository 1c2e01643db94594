using FaceVerify.Core.Models;

namespace FaceVerify.Core.Verification;

public sealed class ManifestModelSet(ModelCatalog catalog) : IModelSetInfo
{
    public string ModelSet => catalog.ModelSet;
}
