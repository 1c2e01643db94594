using FaceVerify.Contracts;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using FaceVerify.Worker.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests;

/// <summary>The bus's request/response photo check answers what the photo checker itself says.</summary>
public sealed class ValidateIdPhotoRequestTests(InProcessWorker worker) : IClassFixture<InProcessWorker>
{
    [Theory]
    [InlineData("id_photo/meds_mugshots_openmpf/S001-01-t10_01.jpg")]
    [InlineData("group/face_recognition__two_people.jpg")]
    public async Task The_response_carries_the_checkers_violations(string picture)
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.Path(picture));
        var photo = await new ImageUploader(worker.Services.GetRequiredService<IMessageDataRepository>(), TimeSpan.FromMinutes(5))
            .UploadAsync(bytes, CancellationToken.None);

        using var scope = worker.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<ValidateIdPhoto>>();
        var response = await client.GetResponse<IdPhotoValidated>(new ValidateIdPhoto { Photo = photo }, timeout: RequestTimeout.After(m: 2));

        var expected = await worker.Services.GetRequiredService<IIdPhotoChecker>().CheckAsync(bytes, null, CancellationToken.None);
        Assert.False(expected.Accepted);  // neither picture is a compliant 295×413 ID photo
        Assert.Equal(expected.Accepted, response.Message.Accepted);
        Assert.Equal(expected.Violations.Select(v => v.Code), response.Message.Violations.Select(v => v.Code));
        Assert.Equal(expected.Sha256, response.Message.Sha256);
        // One answer shape for the bus, HTTP and the CLI: the same record, field for field.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected.ToAnswer(file: null), FaceVerify.Core.Json.FaceVerifyJson.Options),
            System.Text.Json.JsonSerializer.Serialize(response.Message, FaceVerify.Core.Json.FaceVerifyJson.Options));
    }

    [Fact]
    public async Task A_photo_that_cannot_be_fetched_is_answered_with_a_finding()
    {
        using var scope = worker.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<ValidateIdPhoto>>();
        var request = new ValidateIdPhoto { Photo = new ImageInput { Url = new Uri("https://not-allowed.example/photo.jpg") } };

        var response = await client.GetResponse<IdPhotoValidated>(request, timeout: RequestTimeout.After(m: 2));

        Assert.False(response.Message.Accepted);
        Assert.Equal("input.fetch_failed", Assert.Single(response.Message.Violations).Code);
    }
}
