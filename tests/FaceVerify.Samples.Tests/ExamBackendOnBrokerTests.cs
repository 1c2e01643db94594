using System.Text.Json;
using FaceVerify.Tests;
using FaceVerify.Worker.Tests;
using FaceVerify.Worker.Tests.Broker;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

namespace FaceVerify.Samples.Tests;

/// <summary>
/// samples/ExamBackend as its own process against the worker process on the real RabbitMQ (FACEVERIFY_TEST_RABBITMQ_URI),
/// pictures through the shared claim-check folder: each candidate gets the admission the verdict calls for.
/// </summary>
[Collection(SampleProcess.Collection)]
public sealed class ExamBackendOnBrokerTests
{
    private static string Meds(string name) => SharedData.Path($"id_photo/meds_mugshots_openmpf/{name}-t10_01.jpg");

    [Fact]
    public async Task The_same_person_starts_the_exam_a_tilted_head_gets_a_retake_and_another_person_goes_to_a_proctor()
    {
        await using var world = new BrokerWorld();
        await world.StartAsync();
        using var worker = world.StartWorker();
        await worker.WaitReadyAsync();

        // Two booking photos of one man, taken at different encounters (the README's verify example).
        var same = await CheckInAsync(world, "candidate-s048", Meds("S048-04"), Meds("S048-07"));
        Assert.Equal(("start-exam", "pass"), (same.GetProperty("admission").GetString(), same.GetProperty("verdict").GetString()));
        Assert.Empty(same.GetProperty("reasons").EnumerateArray());

        var other = await CheckInAsync(world, "candidate-s048", Meds("S048-04"), Meds("S041-01"));
        Assert.Equal(("send-to-proctor", "fail"), (other.GetProperty("admission").GetString(), other.GetProperty("verdict").GetString()));
        Assert.False(other.GetProperty("retakeAllowed").GetBoolean());
        Assert.Contains("match.below_threshold", other.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // The same man with his head tilted 30° (the snapshot rotated in memory, written to this test's folder only).
        var tilted = Path.Combine(world.Root, "tilted-snapshot.jpg");
        using (var picture = await Image.LoadAsync(Meds("S048-07")))
        {
            picture.Mutate(x => x.Rotate(30));
            await picture.SaveAsJpegAsync(tilted);
        }
        var retake = await CheckInAsync(world, "candidate-s048", Meds("S048-04"), tilted);
        Assert.Equal(("ask-for-retake", "fail"), (retake.GetProperty("admission").GetString(), retake.GetProperty("verdict").GetString()));
        Assert.True(retake.GetProperty("retakeAllowed").GetBoolean());
        Assert.Equal(["snapshot.head_rolled"], retake.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // The worker saw exactly these verifications, each answered once, to the backend's queue and the observer alike.
        var ids = new[] { same, other, retake }.Select(d => d.GetProperty("verificationId").GetGuid()).ToArray();
        await world.WaitUntilAnsweredAsync(ids);
        Assert.All(ids, id => Assert.Equal(1, world.CompletedCountById()[id]));
    }

    private static async Task<JsonElement> CheckInAsync(BrokerWorld world, string candidate, string idPhoto, string snapshot)
    {
        using var backend = SampleProcess.Start("ExamBackend", new Dictionary<string, string>
        {
            ["ExamBackend__RabbitMQ__Uri"] = world.BusUri.ToString(),
            ["ExamBackend__ClaimCheckFolder"] = world.MessageDataPath,
            ["ExamBackend__AnswerTimeout"] = "00:02:00",
        }, "--candidate", candidate, "--exam", "exam-2026-11", "--id-photo", idPhoto, "--snapshot", snapshot);
        var exit = await backend.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exit == 0, $"ExamBackend exited with {exit}:\n{backend.Output}");
        var line = backend.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last(l => l.StartsWith('{'));
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
