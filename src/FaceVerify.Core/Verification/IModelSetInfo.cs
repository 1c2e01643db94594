namespace FaceVerify.Core.Verification;

/// <summary>Names the verified model set in use, so every result can say what produced it.</summary>
public interface IModelSetInfo
{
    /// <summary>E.g. <c>faceplugin-0.0.1+blazeface-1.2.0+fv3</c>; changes whenever a model or its processing changes.</summary>
    string ModelSet { get; }
}
