using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaceVerify.Core.Challenge;

public static class ChallengeServiceCollectionExtensions
{
    /// <summary>The challenge issuer (options at <c>FaceVerify:Challenges</c>), the checker and the frame verifier.</summary>
    public static IServiceCollection AddFaceVerifyChallenges(this IServiceCollection services, IConfigurationSection faceVerify)
    {
        services.AddOptions<ChallengeIssuerOptions>().Bind(faceVerify.GetSection("Challenges"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IChallengeIssuer, RandomChallengeIssuer>();
        services.AddSingleton<IChallengeChecker, ChallengeStepChecker>();
        services.AddSingleton<ChallengeVerifier>();
        return services;
    }
}
